using System.Text;
using ConvSpec.Grading.Grade.Remote;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>A run of a paragraph: trusted text, code (student text, shown as written), a link, or bold text.</summary>
public abstract record Inline;

public sealed record Text(string Value) : Inline;

public sealed record Code(string Value) : Inline;

public sealed record Link(string Label, string Href) : Inline;

public sealed record Strong(string Value) : Inline;

public abstract record Block;

public sealed record Heading(int Level, IReadOnlyList<Inline> Content) : Block;

public sealed record Paragraph(IReadOnlyList<Inline> Content) : Block;

public sealed record Bullets(IReadOnlyList<IReadOnlyList<Inline>> Items) : Block;

public sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : Block;

/// <summary>Student text shown as written: a fenced block in Markdown, a pre element in HTML.</summary>
public sealed record Verbatim(string Value) : Block;

/// <summary>
/// A student's feedback as blocks, rendered once as Markdown (feedback/&lt;student&gt;.md) and once, with --html, as a
/// self-contained page (feedback/&lt;student&gt;.html), so both say the same. In Markdown, student text sits in code
/// (a span or a fence longer than any run of backticks in it) and trusted text has &lt; &gt; &amp; written as entities
/// and Markdown's link and emphasis characters escaped; in HTML everything is encoded, and the page loads nothing.
/// </summary>
public sealed class FeedbackDocument(string title)
{
    private readonly List<Block> _blocks = [];

    public string Title { get; } = title;

    public FeedbackDocument Add(Block block)
    {
        _blocks.Add(block);
        return this;
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        foreach (var block in _blocks)
        {
            if (md.Length > 0) md.Append('\n');
            switch (block)
            {
                case Heading h:
                    md.Append('#', h.Level).Append(' ').Append(Markdown(h.Content)).Append('\n');
                    break;
                case Paragraph p:
                    md.Append(Markdown(p.Content)).Append('\n');
                    break;
                case Bullets b:
                    foreach (var item in b.Items) md.Append("- ").Append(Markdown(item).Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
                    break;
                case TableBlock t:
                    md.Append("| ").AppendJoin(" | ", t.Header.Select(MarkdownText)).Append(" |\n|").Append(string.Concat(t.Header.Select(_ => "---|"))).Append('\n');
                    foreach (var row in t.Rows) md.Append("| ").AppendJoin(" | ", row.Select(MarkdownText)).Append(" |\n");
                    break;
                case Verbatim v:
                    md.Append(Feedback.Fenced(v.Value));
                    break;
            }
        }
        return md.ToString();
    }

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(Title)).Append("</title>\n<style>\n")
            .Append("body{font-family:system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}\n")
            .Append("pre{background:#f4f4f4;padding:.75rem;overflow-x:auto;white-space:pre-wrap;word-break:break-word}\n")
            .Append("code{background:#f4f4f4;padding:0 .2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}\n")
            .Append("</style>\n</head>\n<body>\n");
        foreach (var block in _blocks)
        {
            switch (block)
            {
                case Heading h:
                    html.Append($"<h{h.Level}>").Append(Html(h.Content)).Append($"</h{h.Level}>\n");
                    break;
                case Paragraph p:
                    html.Append("<p>").Append(Html(p.Content).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
                    break;
                case Bullets b:
                    html.Append("<ul>\n");
                    foreach (var item in b.Items) html.Append("<li>").Append(Html(item).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</li>\n");
                    html.Append("</ul>\n");
                    break;
                case TableBlock t:
                    html.Append("<table>\n<tr>").Append(string.Concat(t.Header.Select(c => $"<th>{Encode(c)}</th>"))).Append("</tr>\n");
                    foreach (var row in t.Rows) html.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{Encode(c)}</td>"))).Append("</tr>\n");
                    html.Append("</table>\n");
                    break;
                case Verbatim v:
                    html.Append("<pre>").Append(Encode(StudentText.Clean(v.Value, int.MaxValue))).Append("</pre>\n");
                    break;
            }
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Markdown(IReadOnlyList<Inline> content) => string.Concat(content.Select(i => i switch
    {
        Text t => MarkdownText(t.Value),
        Strong s => "**" + MarkdownText(s.Value) + "**",
        Link l => $"[{MarkdownText(l.Label)}]({l.Href.Replace(" ", "%20", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)})",
        Code c => CodeSpan(c.Value),
        _ => "",
    }));

    private static string Html(IReadOnlyList<Inline> content) => string.Concat(content.Select(i => i switch
    {
        Text t => Encode(t.Value),
        Strong s => $"<strong>{Encode(s.Value)}</strong>",
        Link l => $"<a href=\"{Encode(l.Href)}\">{Encode(l.Label)}</a>",
        Code c => $"<code>{Encode(StudentText.Clean(c.Value, 2000))}</code>",
        _ => "",
    }));

    /// <summary>Trusted text in Markdown: entities for &lt; &gt; &amp; and backslashes before the characters that start links, emphasis and code.</summary>
    private static string MarkdownText(string text) => Replaced(text, c => c switch
    {
        '<' => "&lt;",
        '>' => "&gt;",
        '&' => "&amp;",
        '\\' or '`' or '*' or '[' or ']' or '|' => "\\" + c,
        _ => null,
    });

    /// <summary>Student text as an inline code span on one line, delimited by more backticks than any run inside it.</summary>
    private static string CodeSpan(string value)
    {
        string clean = StudentText.Clean(value, 2000).Replace('\n', ' ');
        int longest = 0;
        for (int run = 0, n = 0; n < clean.Length; n++)
        {
            run = clean[n] == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        string ticks = new('`', longest + 1);
        // A space between the delimiters and the text only where the text starts or ends with a backtick, as CommonMark strips one.
        return clean.StartsWith('`') || clean.EndsWith('`') ? $"{ticks} {clean} {ticks}" : $"{ticks}{clean}{ticks}";
    }

    /// <summary>Text as HTML: the five characters that mean something there become entities; the rest stays UTF-8, as the page declares.</summary>
    private static string Encode(string text) => Replaced(text, c => c switch
    {
        '<' => "&lt;",
        '>' => "&gt;",
        '&' => "&amp;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => null,
    });

    /// <summary><paramref name="text"/> with each character that <paramref name="replacement"/> maps replaced; null keeps the character.</summary>
    private static string Replaced(string text, Func<char, string?> replacement)
    {
        var result = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (replacement(c) is { } replaced) result.Append(replaced);
            else result.Append(c);
        }
        return result.ToString();
    }
}
