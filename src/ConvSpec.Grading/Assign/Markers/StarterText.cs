using System.Text;

namespace ConvSpec.Grading.Assign.Markers;

/// <summary>Turns a file's solution regions into <c>throw new NotImplementedException("messages");</c>.</summary>
public static class StarterText
{
    public const string DefaultMessage = "TODO: complete this part of the exercise.";

    /// <summary>The starter version of a file, or null when it has no regions. Line endings are kept as '\n'.</summary>
    public static string? Make(string file, string text)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        IReadOnlyList<MarkedRegion> regions = MarkerParser.Parse(file, lines);
        if (regions.Count == 0) return null;

        var output = new StringBuilder();
        int next = 1;
        foreach (var region in regions)
        {
            for (; next < region.BeginLine; next++)
                output.Append(lines[next - 1]).Append('\n');
            output.Append(region.Indent).Append("throw new NotImplementedException(")
                .Append(Literal(ThrownMessage(region)))
                .Append(");\n");
            next = region.EndLine + 1;
        }
        for (; next <= lines.Length; next++)
        {
            output.Append(lines[next - 1]);
            if (next < lines.Length) output.Append('\n');
        }
        return output.ToString();
    }

    /// <summary>The message of the NotImplementedException that stands in the starter for <paramref name="region"/>.</summary>
    public static string ThrownMessage(MarkedRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.Messages.Count == 0 ? DefaultMessage : string.Join(" ", region.Messages);
    }

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
