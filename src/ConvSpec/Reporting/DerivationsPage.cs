using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ConvSpec.Reporting;

/// <summary>
/// The spec document (docs/derivations.md) as a page beside the report, so the report's equation and
/// erratum links work offline. It renders the subset of Markdown the document uses: headings, paragraphs,
/// lists, tables, indented and fenced code, `code` and **bold**. Each heading gets an id; equations and
/// errata get short stable ones (<see cref="Equation"/>, <see cref="Erratum"/>).
/// </summary>
public static partial class DerivationsPage
{
    public const string FileName = "derivations.html";

    /// <summary>The link to equation <paramref name="number"/>, e.g. derivations.html#eq-11.</summary>
    public static Link Equation(int number, string? label = null) => new(label ?? $"Eq. {number}", $"{FileName}#eq-{number}");

    /// <summary>The link to erratum E<paramref name="number"/>, e.g. derivations.html#erratum-e9.</summary>
    public static Link Erratum(int number, string? label = null) => new(label ?? $"erratum E{number}", $"{FileName}#erratum-e{number}");

    /// <summary>The id a heading gets: eq-N, erratum-eN, or its words in lower case joined by hyphens.</summary>
    public static string AnchorOf(string heading)
    {
        Match equation = EquationHeading().Match(heading);
        if (equation.Success) return "eq-" + equation.Groups[1].Value;
        Match erratum = ErratumHeading().Match(heading);
        if (erratum.Success) return "erratum-e" + erratum.Groups[1].Value;
        return string.Join('-', Words().Matches(heading.ToLowerInvariant()).Select(m => m.Value));
    }

    public static string Render(string markdown, string backLink)
    {
        string[] lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var body = new StringBuilder();
        string title = "Derivations";
        int n = 0;
        while (n < lines.Length)
        {
            string line = lines[n];
            if (string.IsNullOrWhiteSpace(line)) { n++; continue; }
            if (Heading().Match(line) is { Success: true } h)
            {
                int level = h.Groups[1].Value.Length;
                string text = h.Groups[2].Value.Trim();
                if (level == 1) title = text;
                body.Append($"<h{level} id=\"{AnchorOf(text)}\">").Append(InlineHtml(text)).Append($"</h{level}>\n");
                n++;
            }
            else if (line.StartsWith("```", StringComparison.Ordinal))
            {
                var code = new List<string>();
                for (n++; n < lines.Length && !lines[n].StartsWith("```", StringComparison.Ordinal); n++) code.Add(lines[n]);
                n++;
                body.Append("<pre>").Append(Encode(string.Join('\n', code))).Append("</pre>\n");
            }
            else if (line.StartsWith("    ", StringComparison.Ordinal))
            {
                var code = new List<string>();
                for (; n < lines.Length && (lines[n].StartsWith("    ", StringComparison.Ordinal) || (string.IsNullOrWhiteSpace(lines[n]) && n + 1 < lines.Length && lines[n + 1].StartsWith("    ", StringComparison.Ordinal))); n++)
                    code.Add(lines[n].Length >= 4 ? lines[n][4..] : "");
                body.Append("<pre>").Append(Encode(string.Join('\n', code))).Append("</pre>\n");
            }
            else if (line.StartsWith('|'))
            {
                body.Append("<table>");
                bool header = true;
                for (; n < lines.Length && lines[n].StartsWith('|'); n++)
                {
                    string[] cells = lines[n].Trim().Trim('|').Split('|');
                    if (cells.All(c => TableRule().IsMatch(c))) continue;
                    string tag = header ? "th" : "td";
                    body.Append("<tr>").AppendJoin("", cells.Select(c => $"<{tag}>{InlineHtml(c.Trim())}</{tag}>")).Append("</tr>");
                    header = false;
                }
                body.Append("</table>\n");
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                body.Append("<ul>");
                while (n < lines.Length && lines[n].StartsWith("- ", StringComparison.Ordinal))
                {
                    var item = new StringBuilder(lines[n][2..]);
                    for (n++; n < lines.Length && lines[n].StartsWith("  ", StringComparison.Ordinal) && !lines[n].StartsWith("    ", StringComparison.Ordinal); n++)
                        item.Append(' ').Append(lines[n].Trim());
                    body.Append("<li>").Append(InlineHtml(item.ToString())).Append("</li>");
                }
                body.Append("</ul>\n");
            }
            else
            {
                var paragraph = new List<string>();
                for (; n < lines.Length && !string.IsNullOrWhiteSpace(lines[n]) && !Heading().IsMatch(lines[n])
                       && !lines[n].StartsWith("    ", StringComparison.Ordinal) && !lines[n].StartsWith('|') && !lines[n].StartsWith("```", StringComparison.Ordinal)
                       && !(paragraph.Count > 0 && lines[n].StartsWith("- ", StringComparison.Ordinal)); n++)
                    paragraph.Add(lines[n].Trim());
                body.Append("<p>").Append(InlineHtml(string.Join(' ', paragraph))).Append("</p>\n");
            }
        }
        return new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(Encode(title)).Append("</title>\n<style>\n")
            .Append(ReportStyle.DerivationsCss).Append("</style>\n</head>\n<body>\n<main>\n<p class=\"back\"><a href=\"").Append(Encode(backLink))
            .Append("\">← back to the lab report</a> · a copy of docs/derivations.md, the spec document</p>\n")
            .Append(body).Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static string InlineHtml(string text)
    {
        string html = Encode(text);
        html = InlineCode().Replace(html, m => $"<code>{m.Groups[1].Value}</code>");
        return Bold().Replace(html, m => $"<strong>{m.Groups[1].Value}</strong>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^Equation (\d+):")]
    private static partial Regex EquationHeading();

    [GeneratedRegex(@"^Erratum E(\d+):")]
    private static partial Regex ErratumHeading();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^\s*:?-{3,}:?\s*$")]
    private static partial Regex TableRule();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();
}
