namespace ConvSpec.Grading.Assign.Markers;

/// <summary>
/// The three comment markers, the C# counterpart of the notebook's `#!TAG HWBEGIN`, `#!MSG` and `#!TAG HWEND`.
/// Each stands alone on its line: <c>// #!HWBEGIN</c>, <c>// #!MSG text</c> (any number, directly after
/// HWBEGIN), <c>// #!HWEND</c>.
/// </summary>
public static class MarkerSyntax
{
    public const string Begin = "// #!HWBEGIN";
    public const string Message = "// #!MSG";
    public const string End = "// #!HWEND";

    /// <summary>A line comment starting "// #!" must be exactly one of the three markers.</summary>
    public const string Prefix = "#!";
}
