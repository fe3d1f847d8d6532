using System.Globalization;
using System.Text;

namespace ConvSpec.Grading.Grade.Remote;

/// <summary>
/// Text that comes from student code (what it threw, printed or answered), made safe where it enters the trusted
/// process, before any test report holds it: control characters and the characters XML cannot carry are written
/// out visibly (ESC becomes the six characters \u001b), text-direction overrides too, invalid Unicode (a lone
/// surrogate) becomes U+FFFD, and the text is cut to a size a report can hold, with a note of how much was cut.
/// One such character used to stop the test run's report from being written at all, and with it every verdict.
/// </summary>
public static class StudentText
{
    /// <summary>The longest message a failed call reports; the rest is cut, with a note.</summary>
    public const int MaxMessageChars = 6000;

    /// <summary><paramref name="text"/> with every unsafe character made visible, cut to <paramref name="maxChars"/>.</summary>
    public static string Clean(string? text, int maxChars = MaxMessageChars)
    {
        if (string.IsNullOrEmpty(text)) return "";
        int keep = Math.Min(text.Length, maxChars);
        if (keep < text.Length && keep > 0 && char.IsHighSurrogate(text[keep - 1]) && char.IsLowSurrogate(text[keep])) keep--;
        int cut = text.Length - keep;
        ReadOnlySpan<char> kept = text.AsSpan(0, keep);
        var clean = new StringBuilder(kept.Length + 16);
        for (int n = 0; n < kept.Length; n++)
        {
            char c = kept[n];
            if (char.IsHighSurrogate(c) && n + 1 < kept.Length && char.IsLowSurrogate(kept[n + 1]))
            {
                clean.Append(c).Append(kept[++n]);
            }
            else if (char.IsSurrogate(c))
            {
                clean.Append('\uFFFD');
            }
            else if (c == '\r' && n + 1 < kept.Length && kept[n + 1] == '\n')
            {
                // A Windows line end is a line end.
            }
            else if (IsUnsafe(c))
            {
                AppendVisible(clean, c);
            }
            else
            {
                clean.Append(c);
            }
        }
        if (clean.Length > maxChars)
        {
            // Escapes made it longer; cut again, never between the halves of a surrogate pair.
            int end = char.IsLowSurrogate(clean[maxChars]) ? maxChars - 1 : maxChars;
            cut += clean.Length - end;
            clean.Length = end;
        }
        if (cut > 0) clean.Append(CultureInfo.InvariantCulture, $" … ({cut} more characters cut)");
        return clean.ToString();
    }

    /// <summary>
    /// A line of JSON from the exercise host with every string in it made safe as <see cref="Clean"/> does (no
    /// cutting): escapes of control characters and lone surrogates (\u001b, \ud800) are rewritten as visible text
    /// or U+FFFD, so the answer's strings (a parameter's name, say) deserialize clean. Anything else is kept as it is.
    /// </summary>
    public static string CleanJson(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!NeedsCleaning(line)) return line;
        var clean = new StringBuilder(line.Length);
        bool inString = false;
        for (int n = 0; n < line.Length; n++)
        {
            char c = line[n];
            if (!inString)
            {
                clean.Append(c);
                inString = c == '"';
                continue;
            }
            if (c == '"')
            {
                clean.Append(c);
                inString = false;
            }
            else if (c == '\\' && n + 1 < line.Length)
            {
                char next = line[n + 1];
                if (next == 'u' && TryCodeUnit(line, n + 2, out char unit))
                {
                    if (char.IsHighSurrogate(unit) && TryCodeUnit(line, n + 8, out char low) && line[n + 6] == '\\' && line[n + 7] == 'u' && char.IsLowSurrogate(low))
                    {
                        clean.Append(line, n, 12);
                        n += 11;
                    }
                    else
                    {
                        if (char.IsSurrogate(unit)) clean.Append("\\ufffd");
                        else if (IsUnsafe(unit) && unit != '\n' && unit != '\t') AppendVisible(clean.Append('\\'), unit);
                        else clean.Append(line, n, 6);
                        n += 5;
                    }
                }
                else
                {
                    // \b, \f and \r become visible; \n, \t, \", \\ and \/ stay what they are.
                    if (next is 'b' or 'f' or 'r') clean.Append('\\');
                    clean.Append(c).Append(next);
                    n++;
                }
            }
            else if (IsUnsafe(c) && !char.IsSurrogate(c))
            {
                clean.Append('\\');
                AppendVisible(clean, c);
            }
            else
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    /// <summary>
    /// Characters a report must not hold as they are: C0 and C1 controls but line feed and tab, DEL, the two
    /// non-characters XML refuses, and the overrides that reorder the text around them on screen.
    /// </summary>
    private static bool IsUnsafe(char c) =>
        (c < ' ' && c != '\n' && c != '\t') || (c >= '\u007F' && c <= '\u009F') || c is '\uFFFE' or '\uFFFF'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    private static void AppendVisible(StringBuilder text, char c) =>
        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));

    private static bool NeedsCleaning(string line)
    {
        if (line.Contains("\\u", StringComparison.Ordinal) || line.Contains("\\b", StringComparison.Ordinal)
            || line.Contains("\\f", StringComparison.Ordinal) || line.Contains("\\r", StringComparison.Ordinal))
            return true;
        foreach (char c in line)
        {
            if (IsUnsafe(c)) return true;
        }
        return false;
    }

    private static bool TryCodeUnit(string line, int start, out char unit)
    {
        unit = '\0';
        if (start + 4 > line.Length) return false;
        if (!ushort.TryParse(line.AsSpan(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort value)) return false;
        unit = (char)value;
        return true;
    }
}
