using System.IO.Compression;
using System.Text.Json;

namespace ConvSpec.Tests.Grading;

/// <summary>`convspec gradescope`: the autograder bundle, unpacked and run on a fake root as Gradescope runs it.</summary>
[Trait("Category", "Grading")]
public class GradescopeBundleSpecs(AutograderOnFakeRoot autograder) : IClassFixture<AutograderOnFakeRoot>
{
    [Fact]
    [Specifies("Rule: the Gradescope bundle grades as convspec grade does")]
    public void The_zip_holds_the_two_scripts_at_its_root_and_the_suite_with_its_hidden_specs_but_nothing_of_this_machine()
    {
        using var zip = ZipFile.OpenRead(autograder.Zip);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        names.Take(2).Should().Equal("setup.sh", "run_autograder");
        foreach (string script in new[] { "setup.sh", "run_autograder" })
            ((zip.GetEntry(script)!.ExternalAttributes >> 16) & 0x1FF).Should().Be(0x1ED, "{0} is stored executable (0755)", script);
        names.Skip(2).Should().OnlyContain(n => n.StartsWith("suite/", StringComparison.Ordinal));
        names.Should().Contain(["suite/ConvSpec.sln", "suite/src/ConvSpec.Cli/ConvSpec.Cli.csproj", "suite/src/ConvSpec.Grading/ConvSpec.Grading.csproj",
            "suite/tests/Graded/ConvSpec.Tests.Graded.csproj", "suite/src/ConvSpec/Convolution/Convolution2D.cs"]);
        names.Should().Contain(n => n.StartsWith("suite/tests/Graded/Hidden/", StringComparison.Ordinal), "the hidden specs grade on Gradescope too");
        names.Should().NotContain(n => n.Contains("/bin/", StringComparison.Ordinal) || n.Contains("/obj/", StringComparison.Ordinal)
            || n.Contains("artifacts/", StringComparison.Ordinal) || n.StartsWith("suite/tests/Grading/", StringComparison.Ordinal) || n.Contains("/.git/", StringComparison.Ordinal),
            "nothing built on this machine, and not the sample hand-ins");
        autograder.Setup.Stdout.Should().Contain(".NET 10 SDK is present; not installing it").And.Contain("bubblewrap is present; not installing it")
            .And.Contain("the grader is built").And.Contain("the pristine suite is built");
    }

    [Fact]
    [Specifies("Rule: the setup cache is private, and a run uses it only for the same suite and grader")]
    public void Each_submission_is_graded_with_the_pristine_suite_that_setup_sh_built()
    {
        foreach (var (handIn, (run, _)) in autograder.Graded.Where(g => g.Key != "missing"))
        {
            run.Stdout.Should().Contain("using the pristine suite built earlier in the setup cache", "setup.sh built it once for every submission ({0})", handIn)
                .And.NotContain("building the pristine suite", "{0} builds nothing of its own", handIn);
        }
    }

    [Fact]
    [Specifies("Rule: the Gradescope bundle grades as convspec grade does")]
    public void The_solution_scores_full_marks_and_the_starter_zero_in_results_json()
    {
        var correct = autograder.Results("correct");
        correct.GetProperty("score").GetDouble().Should().Be(35, autograder.Graded["correct"].Run.Output);
        var tests = correct.GetProperty("tests").EnumerateArray().ToList();
        tests.Should().HaveCount(24, "one entry per graded spec");
        tests.Sum(t => t.GetProperty("max_score").GetDouble()).Should().Be(35);
        tests.Should().OnlyContain(t => t.GetProperty("score").GetDouble() == t.GetProperty("max_score").GetDouble());
        tests.Should().Contain(t => t.GetProperty("visibility").GetString() == "after_published", "hidden specs stay hidden until grades are published");

        var starter = autograder.Results("starter");
        starter.GetProperty("score").GetDouble().Should().Be(0, autograder.Graded["starter"].Run.Output);
        starter.GetProperty("tests").EnumerateArray().Should().HaveCount(24).And.OnlyContain(t => t.GetProperty("score").GetDouble() == 0);
    }

    [Fact]
    [Specifies("Rule: the Gradescope bundle grades as convspec grade does")]
    public void A_hostile_hand_in_gets_its_expected_score_and_a_missing_one_a_clear_message()
    {
        if (!autograder.Sandboxed) Assert.Skip("bubblewrap is not installed: the hostile sample needs the sandbox.");
        autograder.Results(AutograderOnFakeRoot.Hostile).GetProperty("score").GetDouble()
            .Should().Be(32, "forges_results writes a TRX of full marks wherever it can, which counts for nothing: {0}", autograder.Graded[AutograderOnFakeRoot.Hostile].Run.Output);

        var missing = autograder.Results("missing");
        missing.GetProperty("score").GetDouble().Should().Be(0);
        missing.GetProperty("output").GetString().Should().Contain("could not grade this submission").And.Contain("not of your work").And.Contain("does not exist");
        missing.GetProperty("tests").GetArrayLength().Should().Be(0);
        foreach (var (handIn, (run, results)) in autograder.Graded)
        {
            run.ExitCode.Should().Be(0, "run_autograder ends cleanly for {0}", handIn);
            Gradescope.GradescopeSchema.Problems(results).Should().BeEmpty("the results.json of {0} is in Gradescope's format", handIn);
        }
        Directory.EnumerateFileSystemEntries(autograder.Temp).Where(p => Path.GetFileName(p).StartsWith("convspec-", StringComparison.Ordinal))
            .Should().BeEmpty("no run leaves its work area or its reports behind");
    }

    [Fact]
    [Specifies("Rule: the Gradescope bundle grades as convspec grade does")]
    public void An_existing_file_that_is_not_a_zip_is_refused_and_left_as_it_was()
    {
        using var folder = new TempFolder("convspec-notzip-");
        string target = folder.PathOf("autograder.zip");
        File.WriteAllText(target, "my notes, not a zip");
        var run = CliProcess.Run(SuitePaths.Root, TimeSpan.FromMinutes(2), "gradescope", "--out", target, "--suite", SuitePaths.Root);
        run.ExitCode.Should().Be(2, run.Output);
        run.StderrLines.Should().ContainSingle().Which.Should().Contain("exists and is not a zip");
        File.ReadAllText(target).Should().Be("my notes, not a zip");
        Directory.EnumerateFileSystemEntries(folder.Path).Should().ContainSingle("no temporary file is left beside it");
    }
}
