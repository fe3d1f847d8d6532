using System.Text.Json;
using ConvSpec.Tests.Grading.Gradescope;

namespace ConvSpec.Tests.Grading;

/// <summary>The reports a course takes as they are, checked on the graded class: Gradescope's results, the gradebook, feedback, the log and --json.</summary>
public partial class GradeSamplesSpecs
{
    [Fact]
    [Specifies("Rule: results.json follows Gradescope's format")]
    public void Every_results_json_of_both_runs_conforms_to_gradescopes_schema()
    {
        var files = new[] { graded.Out, graded.SecondOut }.SelectMany(o => Directory.EnumerateFiles(o, "results.json", SearchOption.AllDirectories)).ToList();

        files.Should().HaveCountGreaterThan(GradedClass.RegradedStudents.Length, "every graded student of both runs has one");
        foreach (string file in files) GradescopeSchema.Problems(File.ReadAllText(file)).Should().BeEmpty(file);
    }

    [Fact]
    [Specifies("Rule: results.json follows Gradescope's format")]
    public void Results_json_names_each_spec_by_its_exercise_and_a_sentence_in_exercise_order()
    {
        using var json = JsonDocument.Parse(graded.Read("sobel_swapped/results.json"));
        var tests = json.RootElement.GetProperty("tests").EnumerateArray()
            .Select(t => (Number: t.GetProperty("number").GetString()!, Name: t.GetProperty("name").GetString()!, Score: t.GetProperty("score").GetInt32())).ToList();

        json.RootElement.GetProperty("execution_time").GetInt32().Should().BePositive();
        tests.Select(t => t.Number).Should().StartWith(["1.1", "1.2", "1.3", "1.4", "2.1"]).And.EndWith(["6.1", "6.2", "6.3"]);
        tests.Select(t => int.Parse(t.Number.Split('.')[0])).Should().BeInAscendingOrder("hidden specs sit with their exercise, not in the middle of another");
        tests.Should().NotContain(t => t.Name.Contains("ConvSpec.Tests", StringComparison.Ordinal));
        tests.Where(t => t.Name.StartsWith("Exercise 4 · sobel: ", StringComparison.Ordinal)).Should().Equal(
            ("4.1", "Exercise 4 · sobel: a flat image has no edges", 1),
            ("4.2", "Exercise 4 · sobel: a vertical step is an edge of strength one on the step only", 2),
            ("4.3", "Exercise 4 · sobel: G_y is the transpose of G_x", 1),
            ("4.4", "Exercise 4 · sobel: sobel is the normalised magnitude of both responses", 2),
            ("4.5", "Exercise 4 · sobel: hidden spec 1, checks Eq. 2", 1),
            ("4.6", "Exercise 4 · sobel: hidden spec 2, checks Erratum E3", 0));
    }

    [Fact]
    [Specifies("Rule: feedback names each failed spec, its message and the equation it checks")]
    public void A_starters_feedback_says_each_unwritten_exercise_once()
    {
        string feedback = graded.Read("feedback/starter.md");

        feedback.Length.Should().BeLessThan(4000, "24 failing specs of six unwritten exercises fold into six lines and their TODOs (it was 15.8 KB)");
        feedback.Split('\n').Where(l => l.StartsWith("- Exercise ", StringComparison.Ordinal)).Should().HaveCount(6)
            .And.AllSatisfy(l => l.Should().Contain("stop at a TODO (NotImplementedException) in src/ConvSpec/"));
        feedback.Should().Contain("convolution: TODO: compute every y_ij").And.NotContain("## Failed specs");
        graded.Read("feedback/stray_files.md").Should().NotContain("## Compiler errors", "a hand-in of which nothing was taken is graded as the starter")
            .And.Contain("- Exercise 3 · convolution: 4 spec(s), 6 point(s), stop at a TODO (NotImplementedException).");
    }

    [Fact]
    [Specifies("Rule: feedback names each failed spec, its message and the equation it checks")]
    public void A_failure_in_the_students_code_names_its_file_and_line()
    {
        graded.Read("feedback/fence_injection.md").Should().Contain("In your code: `src/ConvSpec/Convolution/BorderBounds.cs:22`")
            .And.Contain("The first of 4 failed cases:");
    }

    [Fact]
    [Specifies("Rule: instructor-only lines go to grading-log.md, never to a student")]
    public void How_student_code_was_contained_is_in_the_grading_log_and_no_feedback()
    {
        string log = graded.Read("grading-log.md");

        log.Should().Contain("- Student code ran in: ").And.Contain("s of CPU time per call (--timeout)").And.Contain("- Hidden specs in results.json: `after_published`")
            .And.Contain("| `slow_initializer` | 0 / 35 | not_loaded |").And.Contain("notes.txt: neither a folder nor a .zip; ignored.");
        foreach (string file in Directory.EnumerateFiles(Path.Combine(graded.Out, "feedback")))
            File.ReadAllText(file).Should().NotContain("Sandbox:").And.NotContain("a control group limits it to").And.NotContain("--timeout", file);
    }

    [Fact]
    [Specifies("Rule: student text in a report is cleaned, cut and inert")]
    public void The_html_feedback_shows_a_script_as_text_and_loads_nothing()
    {
        string page = graded.Read("feedback/fence_injection.html");

        page.Should().Contain("&lt;script&gt;alert(&#39;graded&#39;)&lt;/script&gt;", "the message is shown as it was written")
            .And.NotContain("<script").And.NotContain(" src=").And.NotContain("<link").And.Contain("default-src 'none'");
        page.Should().Contain("<h3>Exercise 5 · bounds: one-based bounds follow the notebook (2 points)</h3>", "the page says what the Markdown says");
    }

    [Fact]
    [Specifies("Rule: grade --json prints the class summary alone on standard output")]
    public void Grade_json_prints_each_students_score_maximum_exercises_and_status()
    {
        using var json = JsonDocument.Parse(graded.Summary);
        var students = json.RootElement.GetProperty("students").EnumerateArray().ToDictionary(s => s.GetProperty("student").GetString()!);
        string Status(string student) => students[student].GetProperty("status").GetString()!;

        json.RootElement.GetProperty("maximum").GetInt32().Should().Be(35);
        json.RootElement.GetProperty("exercises").EnumerateArray().Select(e => e.GetProperty("name").GetString())
            .Should().Equal("cnn", "training", "convolution", "sobel", "bounds", "gradients");
        students.Should().HaveCount(graded.Read("grades.csv").TrimEnd('\n').Split('\n').Length - 1, "one entry per row of grades.csv");
        students["off_by_one_bounds"].GetProperty("score").GetInt32().Should().Be(32);
        students["off_by_one_bounds"].GetProperty("exercises").GetProperty("bounds").GetInt32().Should().Be(2);
        (Status("correct"), Status("does_not_compile"), Status("slow_initializer"), Status("stray_files"))
            .Should().Be(("graded", "does_not_compile", "not_loaded", "nothing_taken"));
    }

    [Fact]
    [Specifies("Rule: a roster maps hand-ins to gradebook ids, or is refused naming its file and line")]
    public void A_roster_adds_ids_and_emails_and_lists_a_missing_hand_in_as_zero()
    {
        string[] grades = File.ReadAllText(Path.Combine(graded.SecondOut, "grades.csv")).TrimEnd('\n').Split('\n');
        string canvas = File.ReadAllText(Path.Combine(graded.SecondOut, "canvas.csv"));

        grades[0].Should().Be("student,student_id,email,cnn,training,convolution,sobel,bounds,gradients,total,maximum,percentage,note");
        grades.Should().Contain("absent_student,S-1003,absent@uni.example,0,0,0,0,0,0,0,35,0.0,no hand-in")
            .And.Contain("off_by_one_bounds,S-1002,obo@uni.example,6,4,6,8,2,6,32,35,91.4,");
        grades.Single(r => r.StartsWith("stack_overflow,", StringComparison.Ordinal)).Should().StartWith("stack_overflow,,,").And.EndWith(",not in the roster");
        graded.SecondLog.Should().Contain("grade: warning: roster.csv: no row for the hand-in stack_overflow; it is graded and listed without an id.");
        canvas.Should().StartWith("Student,ID,SIS User ID,SIS Login ID,Section,ConvSpec lab\nPoints Possible,,,,,35\n")
            .And.Contain("\"Injection, Fen\",,S-1001,,,32\n").And.Contain("Absent Stu,,S-1003,,,0\n").And.NotContain("stack_overflow");
        File.Exists(Path.Combine(graded.SecondOut, "feedback", "absent_student.md")).Should().BeFalse("nothing was handed in to give feedback on");
    }
}
