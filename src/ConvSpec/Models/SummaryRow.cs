namespace ConvSpec.Models;

/// <summary>One row of a torchsummary-style table: "Conv2d-1", [-1, 32, 26, 26], 320.</summary>
public sealed record SummaryRow(string Layer, IReadOnlyList<long> OutputShape, long Parameters)
{
    /// <summary>The shape as torchsummary prints it, batch dimension shown as -1.</summary>
    public string ShapeText => "[" + string.Join(", ", OutputShape.Select((d, i) => i == 0 ? "-1" : d.ToString())) + "]";
}
