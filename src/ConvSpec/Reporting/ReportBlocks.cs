namespace ConvSpec.Reporting;

/// <summary>One piece of a report section, in reading order.</summary>
public abstract record ReportBlock;

public sealed record Paragraph(Rich Text) : ReportBlock;

/// <summary>
/// A PNG the report ships beside its page; <paramref name="FileName"/> is relative to the report folder.
/// The page shows it at its pixel size times <paramref name="Scale"/>: 0.5 for a chart rendered at twice
/// its shown size (sharp on high-density screens), an integer ≥ 1 for an image whose pixels are data.
/// <paramref name="Pixelated"/> enlarges by repeating pixels (nearest neighbour) instead of blurring them.
/// </summary>
public sealed record Figure(string FileName, byte[] Png, Rich Caption, bool Pixelated = false, double Scale = 1) : ReportBlock;

/// <summary>Figures shown next to each other, e.g. the reference and the hand-written Sobel image.</summary>
public sealed record FigureRow(IReadOnlyList<Figure> Figures) : ReportBlock;

/// <summary>A table of text cells; numbers align right, and the columns in <paramref name="TextColumns"/> (words) align left.</summary>
public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<Rich>> Rows, Rich? Caption = null, IReadOnlyList<int>? TextColumns = null) : ReportBlock;

/// <summary>Monospaced text, such as a model summary printed the way torchsummary prints it.</summary>
public sealed record Preformatted(string Text) : ReportBlock;

/// <summary>A headline figure: "test accuracy 0.982".</summary>
public sealed record KeyFigures(IReadOnlyList<(string Label, string Value)> Items) : ReportBlock;

/// <summary>A displayed equation (MathML from <see cref="MathMl"/>) with a link to where the spec document derives it.</summary>
public sealed record Equation(string MathMarkup, Link Source) : ReportBlock;

/// <summary>
/// Counts laid out as a heat table: <c>Counts[r, c]</c> under row label r and column label c, the diagonal
/// (agreement) shaded apart from the rest. Exact numbers stay readable, which a picture would not give.
/// </summary>
public sealed record CountTable(string RowTitle, string ColumnTitle, IReadOnlyList<string> RowLabels, IReadOnlyList<string> ColumnLabels,
    long[,] Counts, Rich Caption) : ReportBlock;

/// <summary>
/// Small images of equal size side by side in one PNG strip (<paramref name="FileName"/>), each shown
/// <paramref name="Scale"/> times enlarged with nearest-neighbour pixels and with its own label beneath.
/// </summary>
public sealed record LabelledTiles(string FileName, byte[] Png, int TileWidth, int TileHeight, int Scale, IReadOnlyList<string> Labels, Rich Caption) : ReportBlock;

public sealed record ReportSection(string Title, IReadOnlyList<ReportBlock> Blocks);
