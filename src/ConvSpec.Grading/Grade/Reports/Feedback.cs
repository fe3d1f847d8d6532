using System.Globalization;
using ConvSpec.Grading.Grade.Remote;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>
/// A student's feedback (feedback/&lt;student&gt;.md, and .html with --html): the score by exercise, what was not
/// accepted from the hand-in, compiler errors, notes, then each failed spec once, with the equation or rule it checks
/// (a link into docs/derivations.md), where in the student's files it failed, and its first failed case. An
/// exercise whose code still throws its TODO is said in one line, not once per spec. How the code was contained
/// and limited is the instructor's business and goes to grading-log.md instead.
/// Everything a student controls (messages, compiler errors that quote their code, the names of files in the
/// hand-in) is shown inert: cleaned, and inside a code fence longer than any run of backticks in it, so it can
/// neither close the block nor start a heading, a link or HTML.
/// </summary>
public static class Feedback
{
    public static FeedbackDocument Make(StudentResult student, ReportLayout layout)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(layout);
        var doc = new FeedbackDocument("Feedback for " + StudentText.Clean(student.Student, 200));
        doc.Add(new Heading(1, [new Text("Feedback for "), new Code(student.Student)]));
        doc.Add(new Paragraph([new Text("Score: "), new Strong($"{student.Score} / {student.Maximum}"), new Text($" ({Percent(student.Score, student.Maximum)})")]));
        doc.Add(new TableBlock(["exercise", "points"], layout.Exercises.Select(e => (IReadOnlyList<string>)
            [$"{layout.ExerciseNumber(e)}. {e}", $"{student.ExerciseScore(e)} / {student.ExerciseMaximum(e)}"]).ToList()));

        if (student.Rejected.Count > 0) doc.Add(new Heading(2, [new Text("Files not accepted")])).Add(new Verbatim(string.Join("\n", student.Rejected)));
        if (student.BuildErrors.Count > 0) doc.Add(new Heading(2, [new Text("Compiler errors")])).Add(new Verbatim(string.Join("\n", student.BuildErrors)));
        if (student.Notes.Count > 0) doc.Add(new Heading(2, [new Text("Notes")])).Add(new Bullets(student.Notes.Select(n => (IReadOnlyList<Inline>)[new Text(n)]).ToList()));
        if (student.BuildErrors.Count > 0) return doc;

        var failed = layout.InOrder(student).Where(x => !x.Verdict.Passed).ToList();
        if (failed.Count == 0)
        {
            doc.Add(new Paragraph([new Text("Every graded spec passed.")]));
            return doc;
        }

        // An exercise left as the starter has it fails every spec with its TODO: said once, with the TODOs themselves.
        var todo = failed.Where(x => FailureText.Todo(x.Verdict) is not null).ToList();
        if (todo.Count > 0)
        {
            doc.Add(new Heading(2, [new Text("Not written yet")]));
            doc.Add(new Bullets(todo.GroupBy(x => x.Entry.Spec.Exercise).Select(g =>
            {
                string where = string.Join(", ", g.Select(x => FailureText.Where(x.Verdict)).OfType<string>().Distinct(StringComparer.Ordinal));
                return (IReadOnlyList<Inline>)[new Text($"Exercise {layout.ExerciseNumber(g.Key)} · {g.Key}: {g.Count()} spec(s), {g.Sum(x => x.Entry.Spec.Points)} point(s), "
                    + $"stop at a TODO (NotImplementedException){(where.Length > 0 ? " in " + where : "")}.")];
            }).ToList()));
            doc.Add(new Paragraph([new Text("What the TODOs say:")]));
            doc.Add(new Verbatim(string.Join("\n", todo.Where(x => !x.Entry.Spec.Hidden)
                .Select(x => $"{x.Entry.Spec.Exercise}: {FailureText.Todo(x.Verdict)}").Distinct(StringComparer.Ordinal))));
        }

        // Specs of an exercise the delegation rule did not count: the notes above say why, once.
        var notCounted = failed.Where(x => FailureText.IsNotCounted(x.Verdict)).ToList();
        if (notCounted.Count > 0)
        {
            doc.Add(new Heading(2, [new Text("Not counted")]));
            doc.Add(new Bullets(notCounted.GroupBy(x => x.Entry.Spec.Exercise).Select(g => (IReadOnlyList<Inline>)
                [new Text($"Exercise {layout.ExerciseNumber(g.Key)} · {g.Key}: {g.Count()} spec(s), {g.Sum(x => x.Entry.Spec.Points)} point(s), for the reason in the notes above.")]).ToList()));
        }

        var rest = failed.Except(todo).Except(notCounted).ToList();
        if (rest.Count > 0) doc.Add(new Heading(2, [new Text("Failed specs")]));
        foreach (var (entry, verdict) in rest)
        {
            var spec = entry.Spec;
            doc.Add(new Heading(3, [new Text($"{entry.Title} ({spec.Points} point{(spec.Points == 1 ? "" : "s")})")]));
            doc.Add(new Paragraph([new Text("Checks "), new Link(layout.Section(spec.Specifies), layout.Link(spec.Specifies)), new Text(".")]));
            if (spec.Hidden)
            {
                doc.Add(new Paragraph([new Text("Hidden specs show only the equation or rule they check.")]));
                continue;
            }
            if (FailureText.Where(verdict) is { } where) doc.Add(new Paragraph([new Text("In your code: "), new Code(where)]));
            int cases = FailureText.Cases(verdict);
            doc.Add(new Paragraph([new Text(cases > 1 ? $"The first of {cases} failed cases:" : "What failed:")]));
            doc.Add(new Verbatim(FailureText.FirstCase(verdict)));
        }
        return doc;
    }

    public static string Percent(int score, int maximum) =>
        maximum == 0 ? "0%" : (100.0 * score / maximum).ToString("0.#", CultureInfo.InvariantCulture) + "%";

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
}
