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

/// <summary>
/// The same markers in Markdown, as HTML comments that no renderer shows: <c>&lt;!-- #!HWBEGIN --&gt;</c>, one or
/// more <c>&lt;!-- #!MSG text --&gt;</c> directly after it, the solution's lines, <c>&lt;!-- #!HWEND --&gt;</c>.
/// </summary>
public static class MarkdownMarkerSyntax
{
    public const string Begin = "<!-- #!HWBEGIN -->";
    public const string MessageOpen = "<!-- #!MSG";
    public const string MessageClose = "-->";
    public const string End = "<!-- #!HWEND -->";

    /// <summary>An HTML comment starting "&lt;!-- #!" must be exactly one of the three markers.</summary>
    public const string Prefix = "<!-- #!";

    /// <summary>How the starter states the task in place of the region, one blockquote line per message.</summary>
    public const string TaskLead = "> **Exercise:** ";
}
