using System.Globalization;
using System.Text;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>
/// grades.csv: a row per student (ordinal order), a column per exercise (the lab's order), total, maximum and
/// percentage. With a roster, each row also carries the student's id and e-mail, every roster student without a
/// hand-in gets a row of zeros, and a last column, note, says why ("no hand-in"). canvas.csv, with a roster only,
/// is the same totals under the header Canvas's gradebook import reads. A cell is only ever text.
/// </summary>
public static class GradesCsv
{
    /// <summary>The reason written for a roster student with no hand-in.</summary>
    public const string NoHandIn = "no hand-in";

    public static string Make(ReportLayout layout, IEnumerable<StudentResult> students, Roster? roster)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(students);
        int maximum = layout.Entries.Sum(e => e.Spec.Points);
        var csv = new StringBuilder();
        csv.Append("student");
        if (roster is not null) csv.Append(",student_id,email");
        csv.Append(',').AppendJoin(',', layout.Exercises).Append(",total,maximum,percentage");
        if (roster is not null) csv.Append(",note");
        csv.Append('\n');
        foreach (var row in Rows(students, roster))
        {
            csv.Append(Cell(row.Student));
            if (roster is not null) csv.Append(',').Append(Cell(row.Entry?.Id ?? "")).Append(',').Append(Cell(row.Entry?.Email ?? ""));
            foreach (string exercise in layout.Exercises) csv.Append(',').Append(row.Result?.ExerciseScore(exercise) ?? 0);
            int score = row.Result?.Score ?? 0;
            csv.Append(',').Append(score).Append(',').Append(maximum).Append(',').Append(Percentage(score, maximum));
            if (roster is not null) csv.Append(',').Append(Cell(row.Result is null ? NoHandIn : row.Entry is null ? "not in the roster" : ""));
            csv.Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>
    /// canvas.csv: Canvas's gradebook import columns (Student, ID, SIS User ID, SIS Login ID, Section) and one
    /// assignment column with the total; Canvas finds a student by SIS User ID, which is the roster's id here.
    /// </summary>
    public static string Canvas(ReportLayout layout, IEnumerable<StudentResult> students, Roster roster, string assignment = "ConvSpec lab")
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(roster);
        var csv = new StringBuilder("Student,ID,SIS User ID,SIS Login ID,Section,").Append(Cell(assignment)).Append('\n');
        csv.Append("Points Possible,,,,,").Append(layout.Entries.Sum(e => e.Spec.Points)).Append('\n');
        foreach (var row in Rows(students, roster).Where(r => r.Entry is not null))
        {
            csv.Append(Cell(row.Entry!.Name.Length > 0 ? row.Entry.Name : row.Student)).Append(",,").Append(Cell(row.Entry.Id)).Append(",,,")
                .Append(row.Result?.Score ?? 0).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>Every graded student and every roster student, by folder name in ordinal order.</summary>
    public static IReadOnlyList<(string Student, StudentResult? Result, RosterEntry? Entry)> Rows(IEnumerable<StudentResult> students, Roster? roster)
    {
        var graded = students.ToDictionary(s => s.Student, StringComparer.Ordinal);
        var names = graded.Keys.Concat(roster?.Entries.Select(e => e.Folder) ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return names.Select(n => (n, graded.GetValueOrDefault(n), roster?.Find(n))).ToList();
    }

    public static string Percentage(int score, int maximum) =>
        maximum == 0 ? "0.0" : (100.0 * score / maximum).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>
    /// A cell as text and nothing more: quoted where it holds a separator, a quote or a line end, and, where it
    /// starts like a formula (= + - @, a tab or a carriage return), led by an apostrophe so no spreadsheet runs it.
    /// </summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
