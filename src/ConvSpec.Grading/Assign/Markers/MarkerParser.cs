namespace ConvSpec.Grading.Assign.Markers;

/// <summary>
/// Finds the solution regions of a C# file and checks that each one can become
/// <c>throw new NotImplementedException(...)</c> and still compile: regions do not nest, every HWBEGIN has its
/// HWEND, messages come straight after HWBEGIN, braces inside a region balance, and a region runs to the end
/// of its block (the next code line after HWEND closes the method body), so no code after it becomes unreachable.
/// </summary>
public static class MarkerParser
{
    public static IReadOnlyList<MarkedRegion> Parse(string file, IReadOnlyList<string> lines)
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
            if (trimmed == MarkerSyntax.Begin)
            {
                if (begin is not null)
                    throw new MarkerException(file, line, $"{MarkerSyntax.Begin} inside the region opened at line {begin}; regions do not nest.");
                begin = line;
                indent = lines[n][..(lines[n].Length - lines[n].TrimStart().Length)];
                messages = [];
                inHeader = true;
            }
            else if (trimmed.StartsWith(MarkerSyntax.Message, StringComparison.Ordinal))
            {
                if (!inHeader)
                    throw new MarkerException(file, line, $"{MarkerSyntax.Message} must follow {MarkerSyntax.Begin} or another {MarkerSyntax.Message} directly.");
                messages.Add(trimmed[MarkerSyntax.Message.Length..].Trim());
            }
            else if (trimmed == MarkerSyntax.End)
            {
                if (begin is null)
                    throw new MarkerException(file, line, $"{MarkerSyntax.End} without an open {MarkerSyntax.Begin}.");
                RequireBalancedBraces(file, lines, begin.Value, line);
                RequireBlockEnd(file, lines, line, indent);
                regions.Add(new MarkedRegion(begin.Value, line, messages, indent));
                begin = null;
                inHeader = false;
            }
            else
            {
                if (trimmed.StartsWith("// " + MarkerSyntax.Prefix, StringComparison.Ordinal))
                    throw new MarkerException(file, line, $"unknown marker '{trimmed}'; use {MarkerSyntax.Begin}, {MarkerSyntax.Message} or {MarkerSyntax.End} alone on the line.");
                inHeader = false;
            }
        }
        if (begin is not null)
            throw new MarkerException(file, begin.Value, $"{MarkerSyntax.Begin} is never closed by {MarkerSyntax.End}.");
        return regions;
    }

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
