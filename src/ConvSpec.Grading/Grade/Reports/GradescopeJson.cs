using System.Text;
using System.Text.Json;
using ConvSpec.Grading.Grade.Remote;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>
/// &lt;student&gt;/results.json in Gradescope's autograder results format: the score, the run's execution_time
/// (whole seconds), the notes (or the compiler's errors) as output, and one test per graded spec in exercise order,
/// each with a readable name ("Exercise 3 · convolution: output has the valid size"), its number ("3.3"),
/// score, max_score, status, the student-facing output and its visibility; hidden specs get
/// <see cref="ReportSettings.HiddenVisibility"/> and show only the equation or rule they check.
/// Student text is cleaned first (<see cref="StudentText"/>); the writer's default encoder then escapes everything
/// outside printable ASCII and HTML's &lt; &gt; &amp; ' +, so the file holds plain JSON.
/// </summary>
public static class GradescopeJson
{
    public static string Make(StudentResult student, ReportLayout layout, Visibility hiddenVisibility)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(layout);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("score", student.Score);
            json.WriteNumber("execution_time", (int)Math.Ceiling(student.Seconds));
            json.WriteString("output", Output(student));
            json.WriteStartArray("tests");
            foreach (var (entry, verdict) in layout.InOrder(student))
            {
                var spec = entry.Spec;
                json.WriteStartObject();
                json.WriteString("name", entry.Title);
                json.WriteString("number", entry.Number);
                json.WriteNumber("score", verdict.Passed ? spec.Points : 0);
                json.WriteNumber("max_score", spec.Points);
                json.WriteString("status", verdict.Passed ? "passed" : "failed");
                json.WriteString("output", TestOutput(entry, verdict, layout));
                json.WriteString("visibility", ReportSettings.Name(spec.Hidden ? hiddenVisibility : Visibility.Visible));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string Output(StudentResult student)
    {
        var parts = new List<string>();
        if (student.BuildErrors.Count > 0) parts.Add("The submission does not compile:\n" + StudentText.Clean(string.Join("\n", student.BuildErrors), 20000));
        if (student.Rejected.Count > 0) parts.Add("Files not accepted:\n" + StudentText.Clean(string.Join("\n", student.Rejected), 20000));
        parts.AddRange(student.Notes);
        return string.Join("\n\n", parts);
    }

    private static string TestOutput(SpecEntry entry, SpecVerdict verdict, ReportLayout layout)
    {
        var spec = entry.Spec;
        string checks = $"Checks {layout.Section(spec.Specifies)} ({layout.Link(spec.Specifies)}).";
        if (verdict.Passed) return "Passed. " + checks;
        // A hidden spec shows only what it checks, or the delegation rule's verdict, which is about the student's code, not the spec's input.
        if (spec.Hidden) return $"Failed. {checks} Hidden specs show only the equation or rule they check."
            + (FailureText.IsNotCounted(verdict) ? "\n" + FailureText.FirstCase(verdict) : "");
        var lines = new List<string> { "Failed. " + checks };
        if (FailureText.Where(verdict) is { } where) lines.Add("In your code: " + where);
        int cases = FailureText.Cases(verdict);
        lines.Add(cases > 1 ? $"The first of {cases} failed cases:" : "What failed:");
        lines.Add(FailureText.FirstCase(verdict));
        return string.Join("\n", lines);
    }
}
