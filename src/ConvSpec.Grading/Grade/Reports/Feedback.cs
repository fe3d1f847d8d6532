using System.Text;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>
/// feedback/&lt;student&gt;.md: the score by exercise, what was not accepted from the hand-in, compiler errors,
/// and each failed spec with the equation it checks and its message (hidden specs show the equation only).
/// </summary>
public static class Feedback
{
    public static string Make(StudentResult student, IReadOnlyList<string> exercises, string sandbox)
    {
        var md = new StringBuilder();
        int max = student.Verdicts.Sum(v => v.Spec.Points);
        md.Append("# Feedback for ").Append(student.Student).Append("\n\n");
        md.Append("Score: **").Append(student.Score).Append(" / ").Append(max).Append("**\n\n");
        md.Append("| exercise | points |\n|---|---|\n");
        foreach (string exercise in exercises)
        {
            int of = student.Verdicts.Where(v => v.Spec.Exercise == exercise).Sum(v => v.Spec.Points);
            md.Append("| ").Append(exercise).Append(" | ").Append(student.ExerciseScore(exercise)).Append(" / ").Append(of).Append(" |\n");
        }
        md.Append("\nSandbox: ").Append(sandbox).Append('\n');

        Section(md, "Files not accepted", student.Rejected.Select(r => "- " + r));
        Section(md, "Compiler errors", student.BuildErrors.Count == 0 ? [] : ["```", .. student.BuildErrors, "```"]);
        Section(md, "Notes", student.Notes.Select(n => "- " + n.Replace("\n", "\n  ", StringComparison.Ordinal)));

        var failed = student.Verdicts.Where(v => !v.Passed).ToList();
        if (student.BuildErrors.Count > 0) failed = [];
        if (failed.Count > 0)
        {
            md.Append("\n## Failed specs\n");
            foreach (var verdict in failed)
            {
                var spec = verdict.Spec;
                md.Append("\n### ").Append(spec.Hidden ? "(hidden spec)" : spec.Method).Append('\n');
                md.Append("Exercise ").Append(spec.Exercise).Append(", ").Append(spec.Points).Append(" point(s); checks ").Append(spec.Specifies).Append(".\n\n");
                if (spec.Hidden)
                    md.Append("Hidden specs show only the equation they check.\n");
                else
                    md.Append("```\n").Append(Cut(verdict.Message)).Append("\n```\n");
            }
        }
        else if (student.BuildErrors.Count == 0)
        {
            md.Append("\nEvery graded spec passed.\n");
        }
        return md.ToString();
    }

    private static void Section(StringBuilder md, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0) return;
        md.Append("\n## ").Append(title).Append('\n');
        foreach (string line in list) md.Append(line).Append('\n');
    }

    internal static string Cut(string text) => text.Length > 4000 ? text[..4000] + " …" : text;
}
