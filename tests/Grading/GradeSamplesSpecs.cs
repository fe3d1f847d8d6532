using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace ConvSpec.Tests.Grading;

[Trait("Category", "Grading")]
public class GradeSamplesSpecs(GradedClass graded) : IClassFixture<GradedClass>
{
    [Theory]
    [Specifies("Rule: convspec grade scores each sample submission as expected")]
    [InlineData("correct", 35, "the reference solution passes every graded spec")]
    [InlineData("starter", 0, "the untouched starter compiles and throws NotImplementedException everywhere")]
    [InlineData("off_by_one_bounds", 32, "U = min(m, i) fails the 0-based bounds table and the hidden shift spec; the gradients use the reference bounds")]
    [InlineData("sobel_swapped", 33, "the swapped kernels fail both kernel specs; sqrt(G_x² + G_y²) does not change, so the edge specs pass")]
    [InlineData("does_not_compile", 0, "nothing runs when the library does not compile")]
    [InlineData("infinite_loop", 33, "only the spec that calls ComputeConvolutionAtPosition times out")]
    [InlineData("stack_overflow", 29, "the stack overflow costs the four specs that call ApplyCustomSobel, and nothing else")]
    [InlineData("exits_early", 33, "Environment.Exit(0) in ConvGradientWrtKernel costs that spec only")]
    [InlineData("floods_output", 31, "every convolution spec that calls its ApplyConvolution is stopped at the output cap; the gradient and Sobel specs use the reference convolution")]
    [InlineData("zipped", 29, "the oversized Sobel.cs is rejected, so the starter's ApplyCustomSobel is graded")]
    [InlineData("fills_disk", 35, "the disk filler meets a 64 MiB /tmp and read-only folders, then answers correctly")]
    [InlineData("opens_network", 35, "the connection fails, then the code answers correctly")]
    [InlineData("reads_others", 32, "it cannot see another student's BorderBounds.cs, so it answers the bounds wrongly")]
    [InlineData("writes_results", 35, "its writes go nowhere the grader reads")]
    [InlineData("forges_results", 32, "its forged TRX reaches no report the grader reads, so its wrong bounds count")]
    [InlineData("forwards_to_torch", 29, "its Convolution2D hands the work to TorchSharp's conv2d: right answers, but the convolution scores 0")]
    [InlineData("loads_reference", 29, "its Convolution2D would forward to the instructor's ConvSpec.dll through reflection: the convolution scores 0")]
    [InlineData("leaks_hidden", 4, "only the specs that call its ApplyConvolution pass: every other exercise method throws")]
    [InlineData("memory_hog", 29, "ApplyCustomSobel is killed at the control group's memory limit in each of the four specs that call it")]
    [InlineData("cnn_missing_relu", 33, "without the ReLU before the output layer the scores differ from the notebook's network")]
    [InlineData("forgets_zero_grad", 34, "without zero_grad the second step adds the first step's gradient again")]
    public void Each_sample_gets_its_expected_total(string student, int total, string because)
    {
        if (!graded.Sandboxed && GradedClass.NeedSandbox.Contains(student)) Assert.Skip("bubblewrap is not installed: this case needs the sandbox.");
        if (!graded.ControlGroups && GradedClass.NeedControlGroup.Contains(student)) Assert.Skip("no control group can be made here: this case needs the memory limit.");

        string row = graded.Read("grades.csv").Split('\n').Single(line => line.StartsWith(student + ",", StringComparison.Ordinal));

        row.Split(',')[^1].Should().Be(total.ToString(), because + $" (grades.csv row: {row}; log:\n{graded.Log}\nfeedback:\n{graded.Read($"feedback/{student}.md")})");
    }

    [Fact]
    [Specifies("Rule: grades.csv has a column per exercise and a total, students in order")]
    public void Grades_csv_has_exercise_columns_and_sorted_students()
    {
        string[] lines = graded.Read("grades.csv").TrimEnd('\n').Split('\n');

        lines[0].Should().Be("student,bounds,cnn,convolution,gradients,sobel,training,total");
        lines.Should().Contain("off_by_one_bounds,2,6,6,6,8,4,32", "the off-by-one loses its 3 bounds points once: the gradient specs use the reference bounds");
        lines.Should().Contain("forwards_to_torch,5,6,0,6,8,4,29", "delegating the convolution costs the convolution, and only the convolution");
        lines.Skip(1).Select(l => l.Split(',')[0]).Should().BeInAscendingOrder(StringComparer.Ordinal, "the same inputs give the same file");
    }

    [Fact]
    [Specifies("Rule: feedback names each failed spec, its message and the equation it checks")]
    public void Feedback_names_the_failed_spec_and_its_equation()
    {
        string feedback = graded.Read("feedback/off_by_one_bounds.md");

        feedback.Should().Contain("### ConvSpec.Tests.Graded.BorderBoundsGradedSpecs.Zero_based_bounds_follow_the_table")
            .And.Contain("checks Eq. 6").And.Contain("U = min(m − 1, i)").And.Contain("Score: **32 / 35**")
            .And.Contain("(hidden spec)", "a hidden spec failed too, shown by its equation only");
    }

    [Fact]
    [Specifies("Rule: compiler errors become feedback")]
    public void Feedback_of_a_submission_that_does_not_compile_shows_the_compiler_errors()
    {
        graded.Read("feedback/does_not_compile.md").Should().Contain("## Compiler errors")
            .And.Contain("src/ConvSpec/Convolution/Convolution2D.cs").And.Contain("error CS1002: ; expected");
    }

    [Fact]
    [Specifies("Rule: results.json follows Gradescope's format")]
    public void Results_json_lists_every_graded_spec_in_gradescope_format()
    {
        using var json = JsonDocument.Parse(graded.Read("sobel_swapped/results.json"));
        var tests = json.RootElement.GetProperty("tests").EnumerateArray().ToList();

        json.RootElement.GetProperty("score").GetInt32().Should().Be(33);
        tests.Should().HaveCount(23, "one entry per graded spec");
        tests.Sum(t => t.GetProperty("max_score").GetInt32()).Should().Be(35);
        tests.Select(t => t.GetProperty("visibility").GetString()).Distinct().Should().BeEquivalentTo(["visible", "after_published"]);
        tests.Should().AllSatisfy(t => t.GetProperty("name").GetString().Should().NotBeNullOrEmpty());
    }

    [Fact]
    [Specifies("Rule: hostile zip entries and stray files are rejected with a message")]
    public void Hostile_zip_entries_and_stray_files_are_rejected_with_a_message()
    {
        graded.Read("feedback/zipped.md").Should().Contain("../escaped.cs: '..'")
            .And.Contain("/etc/absolute.cs: absolute paths are not accepted")
            .And.Contain("Link.cs: symbolic links are not accepted")
            .And.Contain("Sobel.cs: ").And.Contain("more than the limit of 262144");
        graded.Log.Should().Contain("notes.txt: neither a folder nor a .zip; ignored.");
    }

    [Theory]
    [Specifies("Rule: feedback says why a submission's code gave no answer")]
    [InlineData("stack_overflow", "the submission's process ended with exit code")]
    [InlineData("exits_early", "the submission's process ended with exit code 0 while running ConvGradientWrtKernel.")]
    [InlineData("floods_output", "ApplyConvolution printed more than 8 MiB; the submission's process was stopped.")]
    [InlineData("memory_hog", "the submission's process ran out of memory (512 MiB) while running ApplyCustomSobel.")]
    [InlineData("starter", "threw System.NotImplementedException: TODO:")]
    public void Feedback_says_why_a_call_gave_no_answer(string student, string reason)
    {
        if (!graded.Sandboxed && GradedClass.NeedSandbox.Contains(student)) Assert.Skip("bubblewrap is not installed: this case needs the sandbox.");
        if (!graded.ControlGroups && GradedClass.NeedControlGroup.Contains(student)) Assert.Skip("no control group can be made here: this case needs the memory limit.");

        graded.Read($"feedback/{student}.md").Should().Contain(reason, "the student reads what went wrong in the call, not only that a spec failed");
    }

    [Fact]
    [Specifies("Rule: feedback says why a submission's code gave no answer")]
    public void Feedback_of_an_endless_loop_names_the_limit_it_ran_past()
    {
        string reason = graded.CpuAccounted
            ? "ComputeConvolutionAtPosition used more than 5 s of CPU time; the submission's process was stopped."
            : "ComputeConvolutionAtPosition did not answer within 5 s; the submission's process was stopped.";

        graded.Read("feedback/infinite_loop.md").Should().Contain(reason,
            "the call limit is CPU time where a control group accounts it, so a busy machine does not change the verdict; the wall clock otherwise");
    }

    [Fact]
    [Specifies("Rule: verdicts are reached where no student code runs")]
    public void A_forged_report_changes_nothing()
    {
        if (!graded.Sandboxed) Assert.Skip("bubblewrap is not installed: without it the forger could reach the report.");

        string feedback = graded.Read("feedback/forges_results.md");

        feedback.Should().Contain("Score: **32 / 35**").And.Contain("### ConvSpec.Tests.Graded.BorderBoundsGradedSpecs.Zero_based_bounds_follow_the_table",
            "the forger's TRX of full marks was written nowhere the grader reads; its wrong bounds are graded as they are");
    }

    [Fact]
    [Specifies("Rule: a submission cannot open network connections")]
    public void A_submission_cannot_reach_the_network()
    {
        if (!graded.Sandboxed) Assert.Skip("bubblewrap is not installed: without it connections are not blocked.");

        graded.Connections.Should().Be(0, "opens_network tried 127.0.0.1:47123 while grading ran, inside a network namespace of its own");
    }

    [Fact]
    [Specifies("Rule: a submission cannot write into the reports or fill the disk")]
    public void A_submission_cannot_write_into_the_reports_or_fill_the_disk()
    {
        if (!graded.Sandboxed) Assert.Skip("bubblewrap is not installed: without it writes are not contained.");

        var files = Directory.EnumerateFiles(graded.Out, "*", SearchOption.AllDirectories).ToList();
        files.Should().NotContain(f => Path.GetFileName(f) == "PWNED.txt" || Path.GetFileName(f) == "fill.bin",
            "writes_results and fills_disk wrote only into the sandbox's own throw-away mounts");
        files.Where(f => !f.Contains("/.work/", StringComparison.Ordinal))
            .Should().NotContain(f => File.ReadAllText(f).Contains("PWNED", StringComparison.Ordinal), "no report was overwritten");
    }

    [Fact]
    [Specifies("Rule: each exercise is graded on its own")]
    public void Feedback_says_where_an_upstream_exercise_lost_the_points()
    {
        string feedback = graded.Read("feedback/off_by_one_bounds.md");

        feedback.Should().Contain("The gradients specs used your ConvGradients.cs with the reference solution's BorderBounds.cs")
            .And.Contain("your BorderBounds.cs lost 3 of 5 points in bounds", "the student learns that the bounds, not the gradients, are wrong")
            .And.NotContain("IndexOutOfRangeException", "the provided gradient code no longer runs into the wrong bounds");
    }

    [Theory]
    [Specifies("Rule: a hand-written exercise that hands its work elsewhere loses its points")]
    [InlineData("forwards_to_torch", "ConvSpec.Convolution.Convolution2D.ApplyConvolution uses code in TorchSharp, outside the submitted files and .NET", "TorchSharp.torch/nn/functional.conv2d")]
    [InlineData("loads_reference", "(reached from ConvSpec.Convolution.Convolution2D.ApplyConvolution) uses reflection, code loading", "System.Reflection.Assembly.LoadFrom")]
    public void Feedback_says_what_the_delegating_code_called(string student, string where, string what)
    {
        string feedback = graded.Read($"feedback/{student}.md");
        using var json = JsonDocument.Parse(graded.Read($"{student}/results.json"));

        feedback.Should().Contain("0 points for convolution: the convolution exercise is written by hand").And.Contain(where).And.Contain(what);
        json.RootElement.GetProperty("tests").EnumerateArray()
            .Where(t => t.GetProperty("name").GetString()!.StartsWith("ConvSpec.Tests.Graded.ConvolutionGradedSpecs.", StringComparison.Ordinal))
            .Should().AllSatisfy(t => t.GetProperty("output").GetString().Should().Contain("not counted: the convolution exercise is written by hand"));
    }

    [Fact]
    [Specifies("Rule: hidden specs' inputs never reach a visible spec's message")]
    public void A_visible_failure_carries_nothing_a_hidden_spec_sent()
    {
        string feedback = graded.Read("feedback/leaks_hidden.md");
        string trx = Path.Combine(graded.Out, ".work/students/leaks_hidden/results/graded.trx");
        if (File.Exists(trx) && !VisibleFailureAfter(trx, "ConvSpec.Tests.Graded.Hidden.HiddenGradedSpecs.A_kernel_as_large_as_the_image_gives_one_inner_product"))
            Assert.Skip("in this run's order no visible spec ran after the hidden convolution spec, so nothing could have leaked.");

        feedback.Should().Contain("ApplyConvolution was given: ").And.Contain("6×7 with 3×2", "visible failures report what their process's ApplyConvolution was sent")
            .And.NotContain("3×4 with 3×4", "the hidden spec's 3×4 image and kernel went to a process of its own, which no visible spec calls");
    }

    /// <summary>Whether a visible spec failed after the named hidden spec started, in the test run's own report.</summary>
    private static bool VisibleFailureAfter(string trx, string hiddenSpec)
    {
        var results = XDocument.Load(trx).Descendants().Where(e => e.Name.LocalName == "UnitTestResult")
            .Select(e => (Name: (string?)e.Attribute("testName") ?? "", Outcome: (string?)e.Attribute("outcome"), Start: DateTimeOffset.Parse((string?)e.Attribute("startTime") ?? "", CultureInfo.InvariantCulture)))
            .ToList();
        var hidden = results.Single(r => r.Name == hiddenSpec);
        return results.Any(r => !r.Name.StartsWith("ConvSpec.Tests.Graded.Hidden.", StringComparison.Ordinal) && r.Outcome == "Failed" && r.Start > hidden.Start);
    }
}
