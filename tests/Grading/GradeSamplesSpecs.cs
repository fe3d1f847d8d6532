using System.Text.Json;

namespace ConvSpec.Tests.Grading;

[Trait("Category", "Grading")]
public partial class GradeSamplesSpecs(GradedClass graded) : IClassFixture<GradedClass>
{
    [Theory]
    [Specifies("Rule: convspec grade scores each sample submission as expected")]
    [InlineData("correct", 35, "the reference solution passes every graded spec")]
    [InlineData("starter", 0, "the untouched starter compiles and throws NotImplementedException everywhere")]
    [InlineData("off_by_one_bounds", 32, "U = min(m, i) fails the 0-based bounds table and the hidden shift spec; the gradients use the reference bounds")]
    [InlineData("sobel_swapped", 34, "the swapped kernels fail the hidden G_x spec; G_y is still G_xᵀ and sqrt(G_x² + G_y²) does not change, so the visible Sobel specs pass")]
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
    [InlineData("colour_loop", 33, "a coloured progress line with ESC and BEL before the endless loop costs nothing more than the loop")]
    [InlineData("control_chars", 33, "ESC, BEL, NUL and a lone surrogate in ConvGradientWrtKernel's message cost that spec only")]
    [InlineData("huge_message", 31, "a 9 MiB message from ConvGradientWrtInput costs the two specs that call it")]
    [InlineData("fence_injection", 32, "a message that tries to close the feedback's code block costs the two 1-based bounds specs that call it")]
    [InlineData("slow_initializer", 0, "a module initializer that spins past the start limit leaves the code unloaded, so no spec can call it")]
    [InlineData("fifo_path", 29, "the named pipe at Sobel.cs is refused unopened, so the starter's ApplyCustomSobel is graded")]
    [InlineData("flat_zip", 35, "the seven files at the top of a zip are matched by their names")]
    [InlineData("wrapped_zip", 35, "the files below one wrapping folder are matched by their paths")]
    [InlineData("stray_files", 0, "nothing in the hand-in is a SUBMIT.txt file, so the starter is graded")]
    [InlineData("breaks_out", 30, "its unmounts, remount, cgroup mount and writes are refused; its native calls from BorderBounds cost the bounds exercise under the delegation rule")]
    [InlineData("probes_secrets", 32, "its probe's report fails the 1-based bounds spec and the hidden shift spec, which call OneBased")]
    [InlineData("compile_bomb", 0, "nothing runs when the compiler is stopped at its time limit")]
    public void Each_sample_gets_its_expected_total(string student, int total, string because)
    {
        if (!graded.Sandboxed && GradedClass.NeedSandbox.Contains(student)) Assert.Skip("bubblewrap is not installed: this case needs the sandbox.");
        if (!graded.ControlGroups && GradedClass.NeedControlGroup.Contains(student)) Assert.Skip("no control group can be made here: this case needs the memory limit.");

        string[] lines = graded.Read("grades.csv").Split('\n');
        string row = lines.Single(line => line.StartsWith(student + ",", StringComparison.Ordinal));

        row.Split(',')[Array.IndexOf(lines[0].Split(','), "total")].Should().Be(total.ToString(), because + $" (grades.csv row: {row}; log:\n{graded.Log}\nfeedback:\n{graded.Read($"feedback/{student}.md")})");
    }

    [Fact]
    [Specifies("Rule: grades.csv has a column per exercise and a total, students in order")]
    public void Grades_csv_has_exercise_columns_and_sorted_students()
    {
        string[] lines = graded.Read("grades.csv").TrimEnd('\n').Split('\n');

        lines[0].Should().Be("student,cnn,training,convolution,sobel,bounds,gradients,total,maximum,percentage", "exercises in the lab's order, as the student README numbers them");
        lines.Should().Contain("off_by_one_bounds,6,4,6,8,2,6,32,35,91.4", "the off-by-one loses its 3 bounds points once: the gradient specs use the reference bounds");
        lines.Should().Contain("forwards_to_torch,6,4,0,8,5,6,29,35,82.9", "delegating the convolution costs the convolution, and only the convolution");
        lines.Skip(1).Select(l => l.Split(',')[0]).Should().BeInAscendingOrder(StringComparer.Ordinal, "the same inputs give the same file");
    }

    [Fact]
    [Specifies("Rule: feedback names each failed spec, its message and the equation it checks")]
    public void Feedback_names_the_failed_spec_and_its_equation()
    {
        string feedback = graded.Read("feedback/off_by_one_bounds.md");

        feedback.Should().Contain("### Exercise 5 · bounds: zero-based bounds follow the table (2 points)")
            .And.Contain("Checks [Equation 6: the border bounds, in both index conventions](docs/derivations.md#equation-6-the-border-bounds-in-both-index-conventions).")
            .And.Contain("The first of 2 failed cases:").And.Contain("U = min(m − 1, i)").And.Contain("Score: **32 / 35**")
            .And.Contain("### Exercise 5 · bounds: hidden spec 1, checks Eq. 6 (1 point)", "a hidden spec failed too, shown by its equation only");
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

        json.RootElement.GetProperty("score").GetInt32().Should().Be(34);
        tests.Should().HaveCount(24, "one entry per graded spec");
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
    [InlineData("starter", "- Exercise 3 · convolution: 4 spec(s), 6 point(s), stop at a TODO (NotImplementedException) in src/ConvSpec/Convolution/Convolution2D.cs:")]
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

        feedback.Should().Contain("Score: **32 / 35**").And.Contain("### Exercise 5 · bounds: zero-based bounds follow the table",
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
        files.Should().NotContain(f => f.Contains("/.work/", StringComparison.Ordinal), "the work area lies outside --out, which holds only reports");
        files.Should().NotContain(f => File.ReadAllText(f).Contains("PWNED", StringComparison.Ordinal), "no report was overwritten");
    }

    [Fact]
    [Specifies("Rule: a submission cannot leave its sandbox")]
    public void An_escape_attempt_changes_nothing_outside_its_sandbox()
    {
        if (!graded.Sandboxed) Assert.Skip("bubblewrap is not installed: this case needs the sandbox.");

        File.Exists(Path.Combine(graded.CanaryFolder, "ESCAPED.txt")).Should().BeFalse(
            "breaks_out writes this marker wherever it can see the canary folder, which is outside its sandbox");
        graded.Read("feedback/breaks_out.md").Should().Contain("Score: **30 / 35**",
                "its attempts are native calls (DllImport) reached from BorderBounds, which the delegation rule does not count, and it answers every other exercise correctly")
            .And.Contain("uses native code (DllImport)");
        graded.Read("grades.csv").Should().Contain("\ncorrect,6,4,6,8,5,6,35,35,100.0\n", "nothing of the grader's library was edited for the students graded after it");
    }

    [Fact]
    [Specifies("Rule: a submission sees nothing of the grader's")]
    public void A_probe_from_inside_the_sandbox_finds_no_secret()
    {
        if (!graded.Sandboxed) Assert.Skip("bubblewrap is not installed: this case needs the sandbox.");

        string feedback = graded.Read("feedback/probes_secrets.md");

        feedback.Should().Contain("probe: uid 65534, gid 65534, CapEff 0000000000000000;", "the probe ran as the unprivileged user with no capabilities")
            .And.Contain("root holds bin dev etc lib lib64 proc sbin tmp usr;", "only the system's files, /proc, /dev, /tmp and the host's own folder are mounted")
            .And.Contain("no /etc/shadow; no /root", "neither is mounted");
        feedback.Should().NotContain(graded.FileSecret).And.NotContain(graded.EnvironmentSecret).And.NotContain(graded.SocketSecret)
            .And.NotContain(GradedClass.CanaryVariable).And.NotContain("solution source").And.NotContain("hidden specs /");
        graded.SocketConnections.Should().Be(0, "the canary socket's folder is not mounted in the sandbox");
        foreach (string file in Directory.EnumerateFiles(graded.Out, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != GradedClass.CanaryFileName))
            File.ReadAllText(file).Should().NotContain(graded.EnvironmentSecret).And.NotContain(graded.SocketSecret, "no report carries a canary ({0})", file);
    }

    [Fact]
    [Specifies("Rule: a compile bomb ends at its limit and leaves no process")]
    public void A_compile_bomb_is_stopped_at_its_limit_and_leaves_no_process()
    {
        // Which limit comes first depends on the machine's load: the compiler's 60 s of wall time, or its memory, where the
        // kernel kills it (on a busy machine the group's out-of-memory count has been seen to miss that kill).
        graded.Read("feedback/compile_bomb.md").Should().ContainAny(
            ["the compiler was stopped at its time limit of 60 s", "the compiler ran out of memory (1024 MiB)", "the compiler was killed by the kernel at one of its limits"]);
        graded.LeftoverCompileBombProcesses.Should().BeEmpty("the compiler runs in its own process, sandbox and control group, all ended at the limit");
    }

    [Fact]
    [Specifies("Rule: what a submission prints cannot change its verdicts")]
    public void Colour_and_a_bell_before_an_endless_loop_score_what_the_plain_loop_scores()
    {
        string[] rows = graded.Read("grades.csv").Split('\n');
        string Scores(string student) => rows.Single(r => r.StartsWith(student + ",", StringComparison.Ordinal))[(student.Length + 1)..];

        Scores("colour_loop").Should().Be(Scores("infinite_loop"), "ESC and BEL in what the code printed are cleaned before any report holds them");
        graded.Read("feedback/colour_loop.md").Should().Contain("\\u001b[32mconvolving", "the escape is shown, written out")
            .And.Contain("\uFFFD", "bytes that are not UTF-8 become the replacement character");
    }

    [Theory]
    [Specifies("Rule: student text in a report is cleaned, cut and inert")]
    [InlineData("control_chars")]
    [InlineData("colour_loop")]
    [InlineData("huge_message")]
    [InlineData("fence_injection")]
    public void Reports_hold_no_control_character_or_lone_surrogate(string student)
    {
        foreach (string report in new[] { $"feedback/{student}.md", $"feedback/{student}.html", $"{student}/results.json" })
        {
            string text = graded.Read(report);
            text.Where(c => c < ' ' && c != '\n').Should().BeEmpty($"{report} shows control characters written out");
            text.Where(char.IsSurrogate).Should().BeEmpty($"{report} holds no lone surrogate");
            text.Length.Should().BeLessThan(200_000, $"{report} holds a cut message, not 9 MiB");
        }
        using var json = JsonDocument.Parse(graded.Read($"{student}/results.json"));
        foreach (var test in json.RootElement.GetProperty("tests").EnumerateArray())
            test.GetProperty("output").GetString()!.Where(c => c < ' ' && c != '\n').Should().BeEmpty("results.json's strings decode to clean text too");
    }

    [Fact]
    [Specifies("Rule: student text in a report is cleaned, cut and inert")]
    public void Control_characters_are_written_out_and_lone_surrogates_replaced()
    {
        graded.Read("feedback/control_chars.md").Should().Contain("bad \\u001b[31mred\\u001b[0m \\u0007bell \\u0000nul \\u0085next \\u202eesrever \uFFFDlone");
        graded.Read("feedback/huge_message.md").Should().MatchRegex(@"huge x+ … \(\d+ more characters cut\)", "a 9 MiB message is cut to a few thousand characters");
    }

    [Fact]
    [Specifies("Rule: student text in a report is cleaned, cut and inert")]
    public void A_message_cannot_close_the_feedbacks_code_block()
    {
        string feedback = graded.Read("feedback/fence_injection.md");

        feedback.Should().Contain("# Score 35/35").And.Contain("<script>").And.Contain("javascript:", "the message is shown as it was written");
        OutsideFences(feedback).Should().NotContain(line => line.Contains("Score 35/35", StringComparison.Ordinal) || line.Contains('<', StringComparison.Ordinal)
            || line.Contains("javascript:", StringComparison.Ordinal), "every line of the message stays inside a fence longer than any run of backticks in it");
        graded.Read("fence_injection/results.json").Should().NotContain("<script>", "the JSON writer escapes < and >");
    }

    [Fact]
    [Specifies("Rule: a submission's overrun is the submission's, not the grader's")]
    public void A_slow_module_initializer_is_reported_as_the_students_overrun()
    {
        string feedback = graded.Read("feedback/slow_initializer.md");
        string reason = graded.CpuAccounted ? "loading the submission used more than 30 s of CPU time" : "loading the submission did not answer within 30 s";

        feedback.Should().Contain(reason).And.Contain("did not load", "later specs say why they did not run")
            .And.NotContain("this is a fault of the grader");
        graded.Read("feedback/starter.md").Should().NotContain("this is a fault of the grader");
    }

    [Fact]
    [Specifies("Rule: intake opens no named pipe, device or socket")]
    public void Named_pipes_are_refused_unopened_and_the_class_is_graded()
    {
        graded.Log.Should().Contain("pipe.zip: a named pipe, device or socket, not a submission; ignored without being opened.");
        graded.Read("feedback/fifo_path.md").Should().Contain("src/ConvSpec/Convolution/Sobel.cs: a named pipe, device or socket; not accepted, and not opened.");
    }

    [Fact]
    [Specifies("Rule: intake takes what students hand in and says what it took")]
    public void The_console_says_what_each_hand_in_gave_and_what_was_expected()
    {
        graded.Log.Should().Contain("flat_zip: took 7 file(s); found by name or below a folder: src/ConvSpec/Convolution/BorderBounds.cs (from BorderBounds.cs)")
            .And.Contain("wrapped_zip: took 7 file(s); found by name or below a folder: src/ConvSpec/Convolution/BorderBounds.cs (from wrapped_zip/src/ConvSpec/Convolution/BorderBounds.cs)")
            .And.Contain("correct: took 7 file(s), each at its SUBMIT.txt path")
            .And.Contain("stray_files: NOTHING was taken from this hand-in.");
        graded.Read("feedback/stray_files.md").Should().Contain("answers.txt: not listed in SUBMIT.txt; ignored.")
            .And.Contain("Nothing in this hand-in matched a file of SUBMIT.txt").And.Contain("src/ConvSpec/Convolution/Convolution2D.cs");
    }

    [Fact]
    [Specifies("Rule: the same hand-ins give the same reports, byte for byte, wherever they and the reports are")]
    public void Reports_do_not_depend_on_the_output_or_submissions_path()
    {
        string[] first = graded.Read("grades.csv").Split('\n');
        string[] second = File.ReadAllText(Path.Combine(graded.SecondOut, "grades.csv")).Split('\n');
        // The second run was given a roster, which adds columns; every column of the first run is there with the same values.
        string[] firstColumns = first[0].Split(','), secondColumns = second[0].Split(',');
        string Cell(string[] lines, string[] columns, string student, string column) =>
            lines.Single(r => r.StartsWith(student + ",", StringComparison.Ordinal)).Split(',')[Array.IndexOf(columns, column)];

        secondColumns.Should().Contain(firstColumns);
        foreach (string student in GradedClass.RegradedStudents)
        {
            foreach (string column in firstColumns)
                Cell(second, secondColumns, student, column).Should().Be(Cell(first, firstColumns, student, column), $"{student}'s {column} is the same in both runs");
            foreach (string report in new[] { $"feedback/{student}.md", $"feedback/{student}.html" })
                File.ReadAllBytes(Path.Combine(graded.SecondOut, report)).Should().Equal(File.ReadAllBytes(Path.Combine(graded.Out, report)), $"{report} is the same in both runs");
            // results.json carries Gradescope's execution_time, the one figure in it that changes from run to run.
            string WithoutTime(string path) => string.Join('\n', File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith("\"execution_time\"", StringComparison.Ordinal)));
            WithoutTime(Path.Combine(graded.SecondOut, student, "results.json")).Should().Be(WithoutTime(Path.Combine(graded.Out, student, "results.json")),
                $"{student}/results.json is the same in both runs, but for its execution_time");
        }
    }

    /// <summary>The lines of Markdown outside fenced code blocks: a fence closes only at a line of at least as many backticks.</summary>
    private static List<string> OutsideFences(string markdown)
    {
        var outside = new List<string>();
        int open = 0;
        foreach (string line in markdown.Split('\n'))
        {
            int ticks = line.TakeWhile(c => c == '`').Count();
            if (open == 0 && ticks >= 3) open = ticks;
            else if (open > 0 && ticks >= open && line.Trim('`').Trim().Length == 0) open = 0;
            else if (open == 0) outside.Add(line);
        }
        return outside;
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
            .Where(t => t.GetProperty("name").GetString()!.StartsWith("Exercise 3 · convolution: ", StringComparison.Ordinal))
            .Should().HaveCount(4).And.AllSatisfy(t => t.GetProperty("output").GetString().Should().Contain("not counted: the convolution exercise is written by hand"));
    }

    [Fact]
    [Specifies("Rule: hidden specs' inputs never reach a visible spec's message")]
    public void A_visible_failure_carries_nothing_a_hidden_spec_sent()
    {
        // The graded specs run in name order (tests/Graded/GradedOrder.cs), so the hidden classes run before the visible
        // LabCnn, Sobel and Training classes: in a shared process their failures would show the hidden spec's inputs.
        string feedback = graded.Read("feedback/leaks_hidden.md");
        feedback.Should().Contain("ApplyConvolution was given: ").And.Contain("6×7 with 3×2", "visible failures report what their process's ApplyConvolution was sent")
            .And.NotContain("3×4 with 3×4", "the hidden spec's 3×4 image and kernel went to a process of its own, which no visible spec calls");
    }
}
