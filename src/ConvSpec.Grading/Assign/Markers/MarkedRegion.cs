namespace ConvSpec.Grading.Assign.Markers;

/// <summary>
/// A solution region of one file: lines <see cref="BeginLine"/>..<see cref="EndLine"/> (1-based, the marker lines
/// included), the messages the starter shows in its place, and the indentation of the opening marker.
/// </summary>
public sealed record MarkedRegion(int BeginLine, int EndLine, IReadOnlyList<string> Messages, string Indent);
