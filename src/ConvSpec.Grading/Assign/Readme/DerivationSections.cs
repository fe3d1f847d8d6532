using System.Text.RegularExpressions;

namespace ConvSpec.Grading.Assign.Readme;

/// <summary>
/// Finds the section of docs/derivations.md that a [Specifies] reference names: "Eq. 6" is "### Equation 6: …",
/// "Rule: X" is "### Rule: X", "Erratum E3" is "### Erratum E3: …".
/// </summary>
public static partial class DerivationSections
{
    public const string Document = "docs/derivations.md";

    [GeneratedRegex(@"^Eq\. (?<n>\d+)$")]
    private static partial Regex Equation();

    /// <summary>The section headings of the document, without their '#'s.</summary>
    public static IReadOnlyList<string> Headings(string suiteRoot)
    {
        string path = Path.Combine(suiteRoot, Document);
        return File.Exists(path)
            ? File.ReadLines(path).Where(l => l.StartsWith("### ", StringComparison.Ordinal)).Select(l => l[4..].Trim()).ToList()
            : [];
    }

    /// <summary>The heading <paramref name="reference"/> names, or the reference itself where the document has no such section.</summary>
    public static string Find(IReadOnlyList<string> headings, string reference)
    {
        ArgumentNullException.ThrowIfNull(headings);
        ArgumentNullException.ThrowIfNull(reference);
        string prefix = Equation().Match(reference) is { Success: true } eq ? $"Equation {eq.Groups["n"].Value}:" : reference;
        return headings.FirstOrDefault(h => h == prefix || h.StartsWith(prefix + (prefix.EndsWith(':') ? "" : ":"), StringComparison.Ordinal))
            ?? headings.FirstOrDefault(h => h.StartsWith(prefix, StringComparison.Ordinal))
            ?? reference;
    }
}
