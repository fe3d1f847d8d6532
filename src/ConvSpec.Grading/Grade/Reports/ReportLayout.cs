using System.Globalization;
using System.Text;
using ConvSpec.Grading.Assign.Readme;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>A graded spec as the reports show it: its exercise's number (the student README's), its index in that exercise, and its title.</summary>
public sealed record SpecEntry(GradedSpec Spec, int ExerciseNumber, int Index, string Title)
{
    /// <summary>"3.2": exercise 3, its second spec, as Gradescope's `number`.</summary>
    public string Number => $"{ExerciseNumber}.{Index}";
}

/// <summary>
/// How the reports order and name the graded specs: exercises in the lab's order (the regions table of
/// docs/grading.md, which the student README numbers too), each exercise's visible specs in name order and then its
/// hidden ones, each titled "Exercise 3 · convolution: output has the valid size"; and where in docs/derivations.md
/// the equation or rule a spec checks is written.
/// </summary>
public sealed class ReportLayout
{
    private readonly IReadOnlyList<string> _headings;

    public ReportLayout(IReadOnlyList<GradedSpec> specs, IReadOnlyList<string> exerciseOrder, IReadOnlyList<string> derivationHeadings)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(exerciseOrder);
        _headings = derivationHeadings ?? throw new ArgumentNullException(nameof(derivationHeadings));
        var graded = specs.Select(s => s.Exercise).ToHashSet(StringComparer.Ordinal);
        // Exercises the table does not list (a suite that grades more than it assigns) follow in name order.
        Exercises = [.. exerciseOrder.Where(graded.Contains).Distinct(StringComparer.Ordinal),
            .. graded.Except(exerciseOrder, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var entries = new List<SpecEntry>();
        for (int e = 0; e < Exercises.Count; e++)
        {
            var own = specs.Where(s => s.Exercise == Exercises[e]).OrderBy(s => s.Hidden).ThenBy(s => s.Method, StringComparer.Ordinal).ToList();
            int hidden = 0;
            for (int i = 0; i < own.Count; i++)
            {
                string what = own[i].Hidden ? $"hidden spec {++hidden}, checks {own[i].Specifies}" : SpecTitles.Sentence(own[i].Method);
                entries.Add(new SpecEntry(own[i], e + 1, i + 1, $"Exercise {e + 1} · {Exercises[e]}: {what}"));
            }
        }
        Entries = entries;
    }

    /// <summary>The headings of docs/derivations.md the links point into (kept with a shard's records, so `grade merge` needs no suite).</summary>
    public IReadOnlyList<string> Headings => _headings;

    /// <summary>The exercises in the lab's order.</summary>
    public IReadOnlyList<string> Exercises { get; }

    /// <summary>Every graded spec, exercise by exercise.</summary>
    public IReadOnlyList<SpecEntry> Entries { get; }

    public int ExerciseNumber(string exercise) => Exercises.ToList().IndexOf(exercise) + 1;

    public SpecEntry EntryOf(GradedSpec spec) => Entries.First(e => e.Spec.Method == spec.Method);

    /// <summary>The student's verdicts in report order.</summary>
    public IReadOnlyList<(SpecEntry Entry, SpecVerdict Verdict)> InOrder(StudentResult student)
    {
        ArgumentNullException.ThrowIfNull(student);
        var byMethod = student.Verdicts.ToDictionary(v => v.Spec.Method, StringComparer.Ordinal);
        return Entries.Where(e => byMethod.ContainsKey(e.Spec.Method)).Select(e => (e, byMethod[e.Spec.Method])).ToList();
    }

    /// <summary>The heading of docs/derivations.md that a [Specifies] reference names ("Equation 6: the border bounds, …").</summary>
    public string Section(string specifies) => DerivationSections.Find(_headings, specifies);

    /// <summary>The link into docs/derivations.md, with the anchor that GitHub and GitLab give that heading.</summary>
    public string Link(string specifies) => $"{DerivationSections.Document}#{Anchor(Section(specifies))}";

    /// <summary>The layout of the suite at <paramref name="suiteRoot"/>: its regions table and its derivations' headings.</summary>
    public static ReportLayout FromSuite(string suiteRoot, IReadOnlyList<GradedSpec> specs) =>
        new(specs, ExerciseTable.Read(suiteRoot).Select(e => e.Exercise).ToList(), DerivationSections.Headings(suiteRoot));

    /// <summary>A heading's anchor as Markdown hosts make it: lower case, punctuation dropped, spaces as hyphens.</summary>
    public static string Anchor(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        var anchor = new StringBuilder();
        foreach (char c in heading.ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_') anchor.Append(c);
            else if (c == ' ') anchor.Append('-');
        }
        return anchor.ToString();
    }
}
