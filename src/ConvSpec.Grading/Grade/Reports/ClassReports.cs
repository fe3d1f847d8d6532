using System.Globalization;
using System.Text;
using ConvSpec.Grading.Grade.Results;
using ConvSpec.IO;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>Everything the class reports are made from: the per-student result records and how to show them.</summary>
public sealed record ClassReport(ReportLayout Layout, IReadOnlyList<StudentResult> Students, ReportSettings Settings, IReadOnlyList<string> Ignored);

/// <summary>
/// The one place the reports of a class are made, from the per-student result records alone: grades.csv (and
/// canvas.csv with a roster), grading-log.md, timing.csv, and per student feedback/&lt;student&gt;.md (and .html with
/// --html) and &lt;student&gt;/results.json. `convspec grade` calls it after grading; anything that has the records
/// (joining shards, say) calls it to get the same files.
/// </summary>
public static class ClassReports
{
    /// <summary>Every report as its path under the output folder ('/'-separated) and its text.</summary>
    public static IReadOnlyDictionary<string, string> Make(ClassReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (layout, students, settings, ignored) = report;
        var ordered = students.OrderBy(s => s.Student, StringComparer.Ordinal).ToList();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["grades.csv"] = GradesCsv.Make(layout, ordered, settings.Roster),
            ["grading-log.md"] = GradingLog.Make(layout, ordered, settings, ignored),
            ["timing.csv"] = new StringBuilder("student,seconds\n")
                .AppendJoin("", ordered.Select(r => r.Student + "," + r.Seconds.ToString("0.0", CultureInfo.InvariantCulture) + "\n")).ToString(),
        };
        if (settings.Roster is { } roster) files["canvas.csv"] = GradesCsv.Canvas(layout, ordered, roster);
        foreach (var student in ordered)
        {
            var feedback = Feedback.Make(student, layout);
            files[$"feedback/{student.Student}.md"] = feedback.ToMarkdown();
            if (settings.Html) files[$"feedback/{student.Student}.html"] = feedback.ToHtml();
            files[$"{student.Student}/results.json"] = GradescopeJson.Make(student, layout, settings.HiddenVisibility);
        }
        return files;
    }

    /// <summary>Writes <see cref="Make"/>'s files under <paramref name="outDir"/> through the library's one safe-write path: they appear together, none half-written, none over a link or device.</summary>
    public static void Write(string outDir, ClassReport report)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        using var outputs = new StagedOutputs();
        foreach (var (relative, text) in Make(report))
        {
            string path = Path.Combine(outDir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            outputs.Stage(path, stream => stream.Write(Encoding.UTF8.GetBytes(text)));
        }
        outputs.Commit();
    }
}
