using System.Text;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>grades.csv: a row per student (ordinal order), a column per exercise (ordinal order) and `total`; a name is only ever text.</summary>
public static class GradesCsv
{
    public static string Make(IReadOnlyList<string> exercises, IEnumerable<StudentResult> students)
    {
        var csv = new StringBuilder();
        csv.Append("student,").AppendJoin(',', exercises).Append(",total\n");
        foreach (var student in students.OrderBy(s => s.Student, StringComparer.Ordinal))
        {
            csv.Append(Cell(student.Student));
            foreach (string exercise in exercises) csv.Append(',').Append(student.ExerciseScore(exercise));
            csv.Append(',').Append(student.Score).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>
    /// A cell as text and nothing more: quoted where it holds a separator, a quote or a line end, and, where it
    /// starts like a formula (= + - @, a tab or a carriage return), led by an apostrophe so no spreadsheet runs it.
    /// </summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
