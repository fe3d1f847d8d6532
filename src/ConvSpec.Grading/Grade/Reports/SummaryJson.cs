using System.Text;
using System.Text.Json;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>
/// `convspec grade --json`: the class in one JSON document on standard output, for scripts: the exercises with
/// their maxima, and per student (graded or on the roster) the score, maximum, points per exercise and a status
/// (<see cref="StudentStatus"/>), with the roster's id and e-mail where there is one.
/// </summary>
public static class SummaryJson
{
    public static string Make(ReportLayout layout, IReadOnlyList<StudentResult> students, Roster? roster)
    {
        ArgumentNullException.ThrowIfNull(layout);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            int maximum = layout.Entries.Sum(e => e.Spec.Points);
            json.WriteStartObject();
            json.WriteNumber("maximum", maximum);
            json.WriteStartArray("exercises");
            foreach (string exercise in layout.Exercises)
            {
                json.WriteStartObject();
                json.WriteNumber("number", layout.ExerciseNumber(exercise));
                json.WriteString("name", exercise);
                json.WriteNumber("maximum", layout.Entries.Where(e => e.Spec.Exercise == exercise).Sum(e => e.Spec.Points));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("students");
            foreach (var (student, result, entry) in GradesCsv.Rows(students, roster))
            {
                json.WriteStartObject();
                json.WriteString("student", student);
                if (entry is not null)
                {
                    json.WriteString("id", entry.Id);
                    json.WriteString("email", entry.Email);
                }
                json.WriteString("status", StudentStatus.Of(result));
                json.WriteNumber("score", result?.Score ?? 0);
                json.WriteNumber("maximum", maximum);
                json.WriteStartObject("exercises");
                foreach (string exercise in layout.Exercises) json.WriteNumber(exercise, result?.ExerciseScore(exercise) ?? 0);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
