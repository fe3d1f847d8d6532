namespace ConvSpec.Grading.Assign.Markers;

/// <summary>
/// Finds the solution regions of a file and checks that each one can be cut. In both languages regions do not
/// nest, every HWBEGIN has its HWEND, messages come straight after HWBEGIN, and a marker-like comment that is
/// none of the three markers is an error. In C# a region must also become
/// <c>throw new NotImplementedException(...)</c> and still compile: braces inside it balance, and it runs to the
/// end of its block (the next code line after HWEND closes the method body), so no code after it becomes
/// unreachable. In Markdown a region must carry at least one message, since the messages are its task statement.
/// </summary>
public static class MarkerParser
{
    private sealed record Syntax(string Begin, string MessageOpen, string MessageClose, string End, string Prefix, bool IsCSharp);

    private static readonly Syntax CSharp =
        new(MarkerSyntax.Begin, MarkerSyntax.Message, "", MarkerSyntax.End, "// " + MarkerSyntax.Prefix, IsCSharp: true);

    private static readonly Syntax Markdown = new(MarkdownMarkerSyntax.Begin, MarkdownMarkerSyntax.MessageOpen,
        MarkdownMarkerSyntax.MessageClose, MarkdownMarkerSyntax.End, MarkdownMarkerSyntax.Prefix, IsCSharp: false);

    /// <summary>The regions of a C# file.</summary>
    public static IReadOnlyList<MarkedRegion> Parse(string file, IReadOnlyList<string> lines) => Scan(file, lines, CSharp);

    /// <summary>The regions of a Markdown file.</summary>
    public static IReadOnlyList<MarkedRegion> ParseMarkdown(string file, IReadOnlyList<string> lines) => Scan(file, lines, Markdown);

    private static List<MarkedRegion> Scan(string file, IReadOnlyList<string> lines, Syntax syntax)
    {
        var regions = new List<MarkedRegion>();
        int? begin = null;
        string indent = "";
        var messages = new List<string>();
        bool inHeader = false;

        for (int n = 0; n < lines.Count; n++)
        {
            string trimmed = lines[n].Trim();
            int line = n + 1;
            if (trimmed == syntax.Begin)
            {
                if (begin is not null)
                    throw new MarkerException(file, line, $"{syntax.Begin} inside the region opened at line {begin}; regions do not nest.");
                begin = line;
                indent = lines[n][..(lines[n].Length - lines[n].TrimStart().Length)];
                messages = [];
                inHeader = true;
            }
            else if (IsMessage(trimmed, syntax))
            {
                if (!inHeader)
                    throw new MarkerException(file, line, $"{syntax.MessageOpen} must follow {syntax.Begin} or another {syntax.MessageOpen} directly.");
                messages.Add(trimmed[syntax.MessageOpen.Length..^syntax.MessageClose.Length].Trim());
            }
            else if (trimmed == syntax.End)
            {
                if (begin is null)
                    throw new MarkerException(file, line, $"{syntax.End} without an open {syntax.Begin}.");
                if (syntax.IsCSharp)
                {
                    RequireBalancedBraces(file, lines, begin.Value, line);
                    RequireBlockEnd(file, lines, line, indent);
                }
                else if (messages.Count == 0)
                {
                    throw new MarkerException(file, begin.Value, $"the region has no {syntax.MessageOpen} line; in Markdown its messages are the task the starter states in its place.");
                }
                regions.Add(new MarkedRegion(begin.Value, line, messages, indent));
                begin = null;
                inHeader = false;
            }
            else
            {
                if (trimmed.StartsWith(syntax.Prefix, StringComparison.Ordinal))
                    throw new MarkerException(file, line, $"unknown marker '{trimmed}'; use {syntax.Begin}, {MessageForm(syntax)} or {syntax.End} alone on the line.");
                inHeader = false;
            }
        }
        if (begin is not null)
            throw new MarkerException(file, begin.Value, $"{syntax.Begin} is never closed by {syntax.End}.");
        return regions;
    }

    private static string MessageForm(Syntax syntax) =>
        syntax.MessageClose.Length == 0 ? syntax.MessageOpen + " text" : $"{syntax.MessageOpen} text {syntax.MessageClose}";

    private static bool IsMessage(string trimmed, Syntax syntax) =>
        trimmed.StartsWith(syntax.MessageOpen, StringComparison.Ordinal) && trimmed.EndsWith(syntax.MessageClose, StringComparison.Ordinal)
        && trimmed.Length >= syntax.MessageOpen.Length + syntax.MessageClose.Length;

    private static void RequireBalancedBraces(string file, IReadOnlyList<string> lines, int begin, int end)
    {
        int depth = 0;
        for (int line = begin + 1; line < end; line++)
        {
            depth += BraceDelta(lines[line - 1]);
            if (depth < 0)
                throw new MarkerException(file, line, $"this line closes a block opened before the region at line {begin}; a region holds whole statements.");
        }
        if (depth != 0)
            throw new MarkerException(file, end, $"the region opened at line {begin} leaves {depth} block(s) open; a region holds whole statements.");
    }

    private static void RequireBlockEnd(string file, IReadOnlyList<string> lines, int end, string indent)
    {
        for (int n = end; n < lines.Count; n++)
        {
            string text = lines[n];
            string trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal)) continue;
            int lineIndent = text.Length - text.TrimStart().Length;
            if (trimmed.StartsWith('}') && lineIndent < indent.Length) return;
            throw new MarkerException(file, n + 1,
                $"code follows the region that ends at line {end}; a region must run to the end of its method body, or that code would be unreachable in the starter.");
        }
        throw new MarkerException(file, end, "the region is not inside a block.");
    }

    /// <summary>Opening minus closing braces on a line, outside string and char literals and // comments.</summary>
    private static int BraceDelta(string line)
    {
        int delta = 0;
        char? quote = null;
        for (int c = 0; c < line.Length; c++)
        {
            char ch = line[c];
            if (quote is not null)
            {
                if (ch == '\\') c++;
                else if (ch == quote) quote = null;
                continue;
            }
            if (ch == '/' && c + 1 < line.Length && line[c + 1] == '/') break;
            if (ch is '"' or '\'') quote = ch;
            else if (ch == '{') delta++;
            else if (ch == '}') delta--;
        }
        return delta;
    }
}
