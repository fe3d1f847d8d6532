using System.Text;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>grades.csv: a row per student (ordinal order), a column per exercise (ordinal order) and `total`.</summary>
public static class GradesCsv
{
    public static string Make(IReadOnlyList<string> exercises, IEnumerable<StudentResult> students)
    {
        var csv = new StringBuilder();
        csv.Append("student,").AppendJoin(',', exercises).Append(",total\n");
        foreach (var student in students.OrderBy(s => s.Student, StringComparer.Ordinal))
        {
            csv.Append(student.Student);
            foreach (string exercise in exercises) csv.Append(',').Append(student.ExerciseScore(exercise));
            csv.Append(',').Append(student.Score).Append('\n');
        }
        return csv.ToString();
    }
}
