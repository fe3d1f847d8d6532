using System.Globalization;
using System.Text.RegularExpressions;

namespace ConvSpec.Tests.Unit.Models;

/// <summary>Parses the layer rows and totals of the torchsummary table printed in the lab notebook (lab7-summary.txt).</summary>
public static partial class NotebookSummaryTable
{
    public sealed record Row(string Layer, string Shape, long Parameters);

    public static string Text { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Models", "lab7-summary.txt"));

    public static IReadOnlyList<Row> Rows { get; } = [.. RowPattern().Matches(Text).Select(m => new Row(
        m.Groups["layer"].Value, m.Groups["shape"].Value, Number(m.Groups["params"].Value)))];

    public static long Total(string label) => Number(Regex.Match(Text, $@"^{label} params: ([\d,]+)", RegexOptions.Multiline).Groups[1].Value);

    /// <summary>A size line's figure as printed, e.g. Size("Params size") is "0.36".</summary>
    public static string Size(string label) => Regex.Match(Text, $@"^{Regex.Escape(label)} \(MB\): ([\d.]+)", RegexOptions.Multiline).Groups[1].Value;

    private static long Number(string text) => long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(?<layer>\w+-\d+)\s+(?<shape>\[[^\]]*\])\s+(?<params>[\d,]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RowPattern();
}
