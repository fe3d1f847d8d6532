using System.Text;
using ConvSpec.Grading.Grade.Remote;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>
/// feedback/&lt;student&gt;.md: the score by exercise, what was not accepted from the hand-in, compiler errors,
/// and each failed spec with the equation it checks and its message (hidden specs show the equation only).
/// Everything a student controls (messages, compiler errors that quote their code, the names of files in the
/// hand-in) is shown inert: cleaned, and inside a code fence longer than any run of backticks in it, so it can
/// neither close the block nor start a heading, a link or HTML.
/// </summary>
public static class Feedback
{
    public static string Make(StudentResult student, IReadOnlyList<string> exercises, string sandbox)
    {
        var md = new StringBuilder();
        int max = student.Verdicts.Sum(v => v.Spec.Points);
        md.Append("# Feedback for ").Append(Name(student.Student)).Append("\n\n");
        md.Append("Score: **").Append(student.Score).Append(" / ").Append(max).Append("**\n\n");
        md.Append("| exercise | points |\n|---|---|\n");
        foreach (string exercise in exercises)
        {
            int of = student.Verdicts.Where(v => v.Spec.Exercise == exercise).Sum(v => v.Spec.Points);
            md.Append("| ").Append(exercise).Append(" | ").Append(student.ExerciseScore(exercise)).Append(" / ").Append(of).Append(" |\n");
        }
        md.Append("\nSandbox: ").Append(sandbox).Append('\n');

        if (student.Rejected.Count > 0) md.Append("\n## Files not accepted\n").Append(Fenced(string.Join("\n", student.Rejected)));
        if (student.BuildErrors.Count > 0) md.Append("\n## Compiler errors\n").Append(Fenced(string.Join("\n", student.BuildErrors)));
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
                    md.Append(Fenced(Cut(verdict.Message)));
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

    /// <summary>A failed spec's message as the reports show it: clean, and at most a few thousand characters.</summary>
    internal static string Cut(string text) => StudentText.Clean(text, 4000);

    /// <summary>
    /// <paramref name="text"/> as a fenced code block whose fence is longer than any run of backticks in it, so
    /// no line of the text can close it; inside it Markdown shows everything as written.
    /// </summary>
    public static string Fenced(string text)
    {
        string clean = StudentText.Clean(text, int.MaxValue);
        int longest = 0;
        for (int run = 0, n = 0; n < clean.Length; n++)
        {
            run = clean[n] == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        string fence = new('`', Math.Max(3, longest + 1));
        return $"{fence}text\n{clean}\n{fence}\n";
    }

    /// <summary>The student's name (from the hand-in) as inline code, which renders no Markdown or HTML; intake accepts no backtick in a name anyway.</summary>
    private static string Name(string student) => "`" + StudentText.Clean(student, 200).Replace('`', '\'') + "`";
}
