using System.Text;
using ConvSpec.Grading.Grade.Remote;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>
/// grading-log.md: what only the instructor needs, for the whole class in one file beside grades.csv, so that
/// feedback/ can be handed to students as it is: how student code was contained and limited, when hidden specs
/// become visible on Gradescope, the entries of the submissions folder that were not graded, roster warnings, each
/// student's status, and the notes of every student whose grading needs a look. Elapsed times change from run to
/// run and stay in timing.csv, so this file, like the other reports, depends only on the inputs.
/// </summary>
public static class GradingLog
{
    public static string Make(ReportLayout layout, IReadOnlyList<StudentResult> students, ReportSettings settings, IReadOnlyList<string> ignored)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ignored);
        var md = new StringBuilder("# Grading log (instructor only)\n\n");
        md.Append("- Student code ran in: ").Append(settings.Containment).Append('\n');
        md.Append("- Limits: ").Append(settings.Limits).Append('\n');
        md.Append("- Hidden specs in results.json: `").Append(ReportSettings.Name(settings.HiddenVisibility)).Append("`\n");
        md.Append("- Seconds per student: timing.csv (kept apart: they change from run to run).\n");
        if (settings.Roster is { } roster) md.Append("- Roster: ").Append(roster.FileName).Append($", {roster.Entries.Count} student(s)\n");

        var warnings = new List<string>(ignored.Select(i => StudentText.Clean(i, 1000)));
        if (settings.Roster is { } r)
            warnings.AddRange(students.Where(s => r.Find(s.Student) is null).Select(s => $"{s.Student}: not in the roster {r.FileName}; graded, listed without an id."));
        if (warnings.Count > 0)
        {
            md.Append("\n## Warnings\n").Append(Feedback.Fenced(string.Join("\n", warnings)));
        }

        md.Append("\n## Students\n\n| student | score | status |\n|---|---|---|\n");
        foreach (var (student, result, _) in GradesCsv.Rows(students, settings.Roster))
            md.Append("| `").Append(student).Append("` | ").Append(result?.Score ?? 0).Append(" / ").Append(layout.Entries.Sum(e => e.Spec.Points))
                .Append(" | ").Append(StudentStatus.Of(result)).Append(" |\n");

        var notable = students.Where(s => StudentStatus.Of(s) is not StudentStatus.Graded || s.Notes.Count > 0).OrderBy(s => s.Student, StringComparer.Ordinal).ToList();
        if (notable.Count > 0)
        {
            md.Append("\n## Notes\n");
            foreach (var student in notable)
            {
                md.Append("\n### `").Append(student.Student).Append("`: ").Append(StudentStatus.Of(student)).Append('\n');
                if (student.Notes.Count > 0) md.Append(Feedback.Fenced(string.Join("\n\n", student.Notes)));
            }
        }
        return md.ToString();
    }
}
