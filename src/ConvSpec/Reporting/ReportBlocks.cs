namespace ConvSpec.Reporting;

/// <summary>One piece of a report section, in reading order.</summary>
public abstract record ReportBlock;

public sealed record Paragraph(string Text) : ReportBlock;

/// <summary>
/// A PNG the report ships beside its page; <paramref name="FileName"/> is relative to the report folder.
/// <paramref name="Pixelated"/> shows each pixel as a sharp square, for images of a few pixels.
/// </summary>
public sealed record Figure(string FileName, byte[] Png, string Caption, bool Pixelated = false) : ReportBlock;

/// <summary>Figures shown next to each other, e.g. the reference and the hand-written Sobel image.</summary>
public sealed record FigureRow(IReadOnlyList<Figure> Figures) : ReportBlock;

public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, string? Caption = null) : ReportBlock;

/// <summary>Monospaced text, such as a model summary printed the way torchsummary prints it.</summary>
public sealed record Preformatted(string Text) : ReportBlock;

/// <summary>A headline figure: "test accuracy 0.982".</summary>
public sealed record KeyFigures(IReadOnlyList<(string Label, string Value)> Items) : ReportBlock;

public sealed record ReportSection(string Title, IReadOnlyList<ReportBlock> Blocks);
