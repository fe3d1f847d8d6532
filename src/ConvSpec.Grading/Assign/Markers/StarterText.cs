using System.Text;

namespace ConvSpec.Grading.Assign.Markers;

/// <summary>
/// Cuts a file's solution regions: in C# each becomes <c>throw new NotImplementedException("messages");</c>, in
/// Markdown each becomes its messages as a visible task statement (<c>&gt; **Exercise:** message</c>).
/// </summary>
public static class StarterText
{
    public const string DefaultMessage = "TODO: complete this part of the exercise.";

    /// <summary>Whether <paramref name="path"/> is a kind of file that may hold solution regions.</summary>
    public static bool MayHoldRegions(string path) => IsCSharp(path) || IsMarkdown(path);

    /// <summary>
    /// The starter version of a file, or null when it has no regions (or is neither C# nor Markdown).
    /// Line endings are kept as '\n'.
    /// </summary>
    public static string? Make(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        if (!MayHoldRegions(file)) return null;
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        IReadOnlyList<MarkedRegion> regions = Regions(file, lines);
        if (regions.Count == 0) return null;

        var output = new StringBuilder();
        int next = 1;
        foreach (var region in regions)
        {
            for (; next < region.BeginLine; next++)
                output.Append(lines[next - 1]).Append('\n');
            if (IsCSharp(file))
            {
                output.Append(region.Indent).Append("throw new NotImplementedException(")
                    .Append(Literal(ThrownMessage(region)))
                    .Append(");\n");
            }
            else
            {
                foreach (string message in region.Messages)
                    output.Append(region.Indent).Append(MarkdownMarkerSyntax.TaskLead).Append(message).Append('\n');
            }
            next = region.EndLine + 1;
        }
        for (; next <= lines.Length; next++)
        {
            output.Append(lines[next - 1]);
            if (next < lines.Length) output.Append('\n');
        }
        return output.ToString();
    }

    /// <summary>The regions of <paramref name="file"/>, by its kind; none for a file that cannot hold them.</summary>
    public static IReadOnlyList<MarkedRegion> Regions(string file, IReadOnlyList<string> lines) =>
        IsCSharp(file) ? MarkerParser.Parse(file, lines)
        : IsMarkdown(file) ? MarkerParser.ParseMarkdown(file, lines)
        : [];

    /// <summary>The message of the NotImplementedException that stands in the starter for <paramref name="region"/>.</summary>
    public static string ThrownMessage(MarkedRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.Messages.Count == 0 ? DefaultMessage : string.Join(" ", region.Messages);
    }

    private static bool IsCSharp(string path) => path.EndsWith(".cs", StringComparison.Ordinal);

    private static bool IsMarkdown(string path) => path.EndsWith(".md", StringComparison.Ordinal);

    private static string Literal(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (char ch in text)
        {
            literal.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\t' => "\\t",
                _ => ch.ToString(),
            });
        }
        return literal.Append('"').ToString();
    }
}
