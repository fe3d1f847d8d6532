using System.Text.RegularExpressions;
using ConvSpec.Grading.Assign;
using ConvSpec.Grading.Grade.Intake;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Tests.Grading;

/// <summary>
/// The student's commands in a real starter (<see cref="AssignedStarter"/>): `convspec check` counts what the
/// graded specs give, exercise by exercise, and `convspec pack` writes the zip that grading takes as it is.
/// </summary>
[Trait("Category", "Grading")]
[Collection(AssignedStarter.Collection)]
public partial class StarterCommandSpecs(AssignedStarter starter)
{
    [GeneratedRegex(@"^(?<exercise>[a-z]+)\s+(?<earned>\d+)/(?<possible>\d+)\s", RegexOptions.Multiline)]
    private static partial Regex Row();

    private string Cli => Path.Combine(starter.Folder, "src/ConvSpec.Cli/bin", SuitePaths.Configuration, "net10.0/ConvSpec.Cli.dll");

    private Dictionary<string, (int Earned, int Possible)> Check()
    {
        var result = CliProcess.RunProgram("dotnet", starter.Folder, TimeSpan.FromMinutes(5), "exec", Cli, "check");
        result.ExitCode.Should().Be(0, "check reports points, whatever they are; it printed:\n{0}", result.Output);
        return Row().Matches(result.Stdout).Where(m => m.Groups["exercise"].Value != "total").ToDictionary(m => m.Groups["exercise"].Value,
            m => (int.Parse(m.Groups["earned"].Value), int.Parse(m.Groups["possible"].Value)));
    }

    [Fact]
    [Specifies("Rule: the starter builds and fails only at the exercises")]
    public void Check_gives_nothing_in_a_fresh_starter_and_full_points_for_the_one_exercise_written()
    {
        starter.Build.ExitCode.Should().Be(0, "the starter must build first");
        const string File = "src/ConvSpec/Convolution/Convolution2D.cs";
        string starterVersion = System.IO.File.ReadAllText(Path.Combine(starter.Folder, File));

        var fresh = Check();
        // Written, not copied: a copy may keep the suite's older timestamp, and the build would then not see the change.
        System.IO.File.WriteAllBytes(Path.Combine(starter.Folder, File), System.IO.File.ReadAllBytes(Path.Combine(SuitePaths.Root, File)));
        Dictionary<string, (int Earned, int Possible)> written;
        try
        {
            written = Check();
        }
        finally
        {
            System.IO.File.WriteAllText(Path.Combine(starter.Folder, File), starterVersion);
        }
        var restored = Check(); // also rebuilds the starter's own version, for the specs that share this starter

        fresh.Keys.Should().BeEquivalentTo(["bounds", "cnn", "convolution", "gradients", "sobel", "training"], "check lists every graded exercise");
        fresh.Should().OnlyContain(e => e.Value.Earned == 0 && e.Value.Possible > 0, "no exercise is written in a fresh starter");
        written["convolution"].Should().Be((fresh["convolution"].Possible, fresh["convolution"].Possible), "the convolution's solution earns all its visible points");
        written.Where(e => e.Key != "convolution").Should().BeEquivalentTo(fresh.Where(e => e.Key != "convolution"), "writing one exercise changes no other's points");
        restored.Should().BeEquivalentTo(fresh, "putting the starter's file back gives the fresh starter's points again");
    }

    [Fact]
    [Specifies("Rule: the starter builds and fails only at the exercises")]
    public void Pack_writes_the_zip_that_grading_takes_as_it_is()
    {
        using var output = new TempFolder("convspec-pack-");

        var result = CliProcess.RunProgram("dotnet", starter.Folder, TimeSpan.FromMinutes(1), "exec", Cli, "pack", "--student", "ada_1", "--out", output.Path);

        result.ExitCode.Should().Be(0, "pack prints: {0}", result.Output);
        var submit = SubmitList.Read(File.ReadAllText(Path.Combine(starter.Folder, GradingLayout.SubmitList)));
        var (submissions, ignored) = SubmissionReader.ReadAll(output.Path, submit.ToHashSet(), new IntakeLimits());
        ignored.Should().BeEmpty("the zip is named after the student, as grading wants");
        submissions.Should().ContainSingle().Which.Should().Match<Submission>(s => s.Student == "ada_1" && s.Rejected.Count == 0);
        submissions[0].Files.Keys.Should().BeEquivalentTo(submit, "the zip holds every file of SUBMIT.txt at its path, and nothing else");
        foreach (string path in submit)
            submissions[0].Files[path].Should().Equal(File.ReadAllBytes(Path.Combine(starter.Folder, path)), $"{path} is packed as it is");
    }
}
