using ConvSpec.Grading;
using ConvSpec.Grading.Assign;
using ConvSpec.Grading.Assign.Markers;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Tests.Grading;

/// <summary>
/// What `convspec assign` hands a student: a starter that builds, whose specs fail exactly where the exercises
/// are and pass everywhere else, and which becomes the suite again when the solution files are put back.
/// </summary>
[Trait("Category", "Grading")]
[Collection(AssignedStarter.Collection)]
public class StarterSpecs(AssignedStarter starter)
{
    [Fact]
    [Specifies("Rule: the starter builds and fails only at the exercises")]
    public void The_starter_builds_with_warnings_as_errors()
    {
        starter.Build.ExitCode.Should().Be(0, "a student's first `dotnet build` must succeed; it printed:\n{0}", starter.Build.Output);
    }

    [Fact]
    [Specifies("Rule: the starter builds and fails only at the exercises")]
    public void Every_spec_that_fails_in_the_starter_fails_at_an_exercise()
    {
        var failed = starter.Tests.Where(t => t.Outcome == "Failed").ToList();

        failed.Should().NotBeEmpty("the exercises are not written in the starter, so their specs fail");
        failed.Where(t => !starter.RegionMessages.Values.Any(m => t.Message.Contains(m, StringComparison.Ordinal)))
            .Select(t => $"{t.Name}: {t.Message[..Math.Min(400, t.Message.Length)]}")
            .Should().BeEmpty("a spec may fail in the starter only because an exercise region throws its TODO message");
    }

    [Fact]
    [Specifies("Rule: the starter builds and fails only at the exercises")]
    public void Every_other_spec_passes_in_the_starter()
    {
        starter.Tests.Should().Contain(t => t.Outcome == "Passed", "specs of what students do not write (IDX files, .npy, images, shapes) pass from the start");
        starter.Tests.Where(t => t.Outcome is not ("Passed" or "Failed")).Select(t => t.Name)
            .Should().OnlyContain(name => name.StartsWith("ConvSpec.Tests.Gpu.", StringComparison.Ordinal), "only the GPU specs skip, where no CUDA device is usable");
        starter.Tests.Where(t => t.Name.StartsWith("ConvSpec.Tests.Unit.Mnist.IdxReaderSpecs.", StringComparison.Ordinal))
            .Should().NotBeEmpty().And.OnlyContain(t => t.Outcome == "Passed", "reading MNIST is not an exercise");
    }

    [Fact]
    [Specifies("Rule: the starter builds and fails only at the exercises")]
    public void Every_exercise_region_is_checked_by_a_failing_spec()
    {
        var failures = starter.Tests.Where(t => t.Outcome == "Failed").Select(t => t.Message).ToList();

        starter.RegionMessages.Should().HaveCountGreaterThanOrEqualTo(10, "the suite marks the convolution, Sobel, the bounds, both gradients, the CNN and the training step");
        starter.RegionMessages.Where(r => !failures.Any(f => f.Contains(r.Value, StringComparison.Ordinal))).Select(r => r.Key)
            .Should().BeEmpty("every region's TODO must make some spec fail, or a student could leave it unwritten unnoticed");
    }

    [Fact]
    [Specifies("Rule: the starter builds and fails only at the exercises")]
    public void Putting_the_solution_back_gives_the_suite_again()
    {
        var suite = SuiteFiles.List(SuitePaths.Root).Where(p => !GradingLayout.IsInstructorOnly(p)).ToList();
        var submit = SubmitList.Read(File.ReadAllText(Path.Combine(starter.Folder, GradingLayout.SubmitList)));
        // Besides the solution file, the starter rewrites its README (the student's) and the Markdown files whose
        // derivations it cuts: students hand in neither.
        var rewritten = suite.Where(path => path == GradingLayout.Readme
            || (path.EndsWith(".md", StringComparison.Ordinal) && StarterText.Make(path, File.ReadAllText(Path.Combine(SuitePaths.Root, path))) is not null)).ToList();

        var differ = suite.Where(path => path != GradingLayout.Solution && !rewritten.Contains(path) && !File.ReadAllBytes(Path.Combine(SuitePaths.Root, path)).AsSpan()
            .SequenceEqual(File.ReadAllBytes(Path.Combine(submit.Contains(path) ? SuitePaths.Root : starter.Folder, path)))).ToList();

        submit.Should().NotBeEmpty().And.OnlyContain(path => suite.Contains(path), "students hand in files of the suite");
        differ.Should().BeEmpty("the starter is the suite with the exercise files cut; with the solution's copies of the SUBMIT.txt files back, "
            + "every file is the suite's, so the specs pass as they do in this run of the suite");
        File.ReadAllText(Path.Combine(starter.Folder, GradingLayout.Solution)).Should().Be(
            StarterSolution.WithoutProjectsUnder(File.ReadAllText(Path.Combine(SuitePaths.Root, GradingLayout.Solution)), GradingLayout.InstructorOnlyPaths),
            "the solution file differs only by the instructor's projects");
    }

    [Fact]
    [Specifies("Rule: the starter builds and fails only at the exercises")]
    public void The_starter_leaves_out_the_instructors_folders()
    {
        foreach (string folder in GradingLayout.InstructorOnlyPaths)
            Directory.Exists(Path.Combine(starter.Folder, folder)).Should().BeFalse($"{folder} holds hidden specs or sample hand-ins that are nearly the solution");
        File.ReadAllText(Path.Combine(starter.Folder, GradingLayout.Solution)).Should().NotContain("ConvSpec.Tests.Grading", "the starter's solution names only projects it has");
    }

    [Fact]
    [Specifies("Rule: the starter builds and fails only at the exercises")]
    public void The_starters_command_line_names_the_missing_exercise()
    {
        string cli = Path.Combine(starter.Folder, "src/ConvSpec.Cli/bin", SuitePaths.Configuration, "net10.0/ConvSpec.Cli.dll");

        var result = CliProcess.RunProgram("dotnet", starter.Folder, TimeSpan.FromMinutes(1), "exec", cli, "sobel", "assets/images/camera.png", "--npy", "edges.npy");

        result.ExitCode.Should().Be(3, "unwritten exercise code is its own exit code, apart from bad input (2); it printed: {0}", result.Output);
        result.Output.Should().Contain("convspec: this needs exercise code that is not written yet: TODO:", "the student reads which exercise to write");
        File.Exists(Path.Combine(starter.Folder, "edges.npy")).Should().BeFalse("nothing is written when the command fails");
    }
}
