using System.Text;
using System.Text.Json;
using ConvSpec.Grading.Grade.Remote;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>
/// &lt;student&gt;/results.json in the Gradescope autograder format: the score and one entry per graded spec
/// (name, score, max_score, output, visibility). Hidden specs become "after_published" and keep their message
/// out of the output. Student text is cleaned first (<see cref="StudentText"/>); the writer's default encoder
/// then escapes everything outside printable ASCII and HTML's &lt; &gt; &amp; ' +, so the file holds plain JSON.
/// </summary>
public static class GradescopeJson
{
    public static string Make(StudentResult student)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("score", student.Score);
            json.WriteString("output", student.BuildErrors.Count > 0
                ? "The submission does not compile:\n" + StudentText.Clean(string.Join("\n", student.BuildErrors), 20000)
                : string.Join("\n", student.Notes));
            json.WriteStartArray("tests");
            foreach (var verdict in student.Verdicts)
            {
                var spec = verdict.Spec;
                json.WriteStartObject();
                json.WriteString("name", spec.Hidden ? $"hidden: {spec.Exercise} ({spec.Specifies})" : spec.Method);
                json.WriteNumber("score", verdict.Passed ? spec.Points : 0);
                json.WriteNumber("max_score", spec.Points);
                json.WriteString("output", verdict.Passed ? "passed" : spec.Hidden ? $"failed; checks {spec.Specifies}" : $"checks {spec.Specifies}\n{Feedback.Cut(verdict.Message)}");
                json.WriteString("visibility", spec.Hidden ? "after_published" : "visible");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
