using System.Net;
using System.Text;

namespace ConvSpec.Reporting;

/// <summary>
/// A self-contained report folder: index.html and the PNGs it shows, nothing fetched from elsewhere.
/// The folder is written beside its destination and swapped in whole, so a failed run never leaves a
/// half-written report or destroys the previous one; what it may replace is decided by <see cref="ReportFolder"/>.
/// </summary>
public sealed class HtmlReport(string title, string subtitle)
{
    private readonly List<ReportSection> _sections = [];

    public IReadOnlyList<ReportSection> Sections => _sections;

    public void Add(ReportSection section) => _sections.Add(section);

    /// <summary>Every file name the page references, in page order.</summary>
    public IEnumerable<string> ReferencedFiles() =>
        _sections.SelectMany(s => s.Blocks).SelectMany(FiguresOf).Select(f => f.FileName);

    public void WriteTo(string directory)
    {
        ReportFolder.RequireWritable(directory);
        string target = Path.GetFullPath(directory);
        string parent = Path.GetDirectoryName(target)!;
        ReportFolder.RemoveDebris(target);
        var figures = _sections.SelectMany(s => s.Blocks).SelectMany(FiguresOf).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Figure figure in figures)
        {
            if (!seen.Add(figure.FileName))
                throw new InvalidOperationException($"two figures of the report are both called {figure.FileName}.");
            if (figure.FileName.Contains('/') || figure.FileName.Contains('\\') || figure.FileName.StartsWith('.') || figure.FileName == "index.html")
                throw new InvalidOperationException($"figure file name {figure.FileName} must be a plain file name.");
        }
        string staging = Path.Combine(parent, $".{Path.GetFileName(target)}.writing-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            ReportFolder.WriteMarker(staging, [.. figures.Select(f => f.FileName), "index.html"]);
            foreach (Figure figure in figures)
                File.WriteAllBytes(Path.Combine(staging, figure.FileName), figure.Png);
            File.WriteAllText(Path.Combine(staging, "index.html"), RenderHtml(), Encoding.UTF8);
            SwapIn(staging, directory, target);
        }
        catch
        {
            if (Directory.Exists(staging)) ReportFolder.RemoveOwn(staging);
            throw;
        }
    }

    private static void SwapIn(string staging, string directory, string target)
    {
        ReportFolder.RequireWritable(directory);
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(staging, File.GetUnixFileMode(target));
        if (!Directory.EnumerateFileSystemEntries(target).Any())
        {
            Directory.Delete(target);
            Directory.Move(staging, target);
            return;
        }
        string previous = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.previous-{Guid.NewGuid():N}");
        Directory.Move(target, previous);
        Directory.Move(staging, target);
        ReportFolder.RemoveOwn(previous);
    }

    private static IEnumerable<Figure> FiguresOf(ReportBlock block) => block switch
    {
        Figure f => [f],
        FigureRow row => row.Figures,
        _ => [],
    };

    public string RenderHtml()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n")
            .Append("<header><h1>").Append(Encode(title)).Append("</h1><p>").Append(Encode(subtitle)).Append("</p>\n<nav>");
        for (int s = 0; s < _sections.Count; s++)
            html.Append("<a href=\"#section-").Append(s + 1).Append("\">").Append(Encode(_sections[s].Title)).Append("</a>");
        html.Append("</nav></header>\n<main>\n");
        for (int s = 0; s < _sections.Count; s++)
        {
            html.Append("<section id=\"section-").Append(s + 1).Append("\">\n<h2>").Append(Encode(_sections[s].Title)).Append("</h2>\n");
            foreach (ReportBlock block in _sections[s].Blocks)
                RenderBlock(html, block);
            html.Append("</section>\n");
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void RenderBlock(StringBuilder html, ReportBlock block)
    {
        switch (block)
        {
            case Paragraph p:
                html.Append("<p>").Append(Encode(p.Text)).Append("</p>\n");
                break;
            case Figure f:
                html.Append("<div class=\"figures single\">");
                RenderFigure(html, f);
                html.Append("</div>\n");
                break;
            case FigureRow row:
                html.Append("<div class=\"figures\">");
                foreach (Figure f in row.Figures) RenderFigure(html, f);
                html.Append("</div>\n");
                break;
            case Table t:
                RenderTable(html, t);
                break;
            case Preformatted pre:
                html.Append("<pre>").Append(Encode(pre.Text)).Append("</pre>\n");
                break;
            case KeyFigures k:
                html.Append("<div class=\"key-figures\">");
                foreach (var (label, value) in k.Items)
                    html.Append("<div><span class=\"value\">").Append(Encode(value)).Append("</span><span class=\"label\">").Append(Encode(label)).Append("</span></div>");
                html.Append("</div>\n");
                break;
            default:
                throw new NotSupportedException($"no HTML for {block.GetType().Name}.");
        }
    }

    private static void RenderFigure(StringBuilder html, Figure f) =>
        html.Append("<figure><img").Append(f.Pixelated ? " class=\"pixelated\"" : "").Append(" src=\"").Append(Encode(f.FileName)).Append("\" alt=\"").Append(Encode(f.Caption))
            .Append("\"><figcaption>").Append(Encode(f.Caption)).Append("</figcaption></figure>");

    private static void RenderTable(StringBuilder html, Table t)
    {
        if (t.Caption is not null) html.Append("<p class=\"note\">").Append(Encode(t.Caption)).Append("</p>");
        html.Append("<div class=\"table-wrap\"><table><thead><tr>");
        foreach (string h in t.Headers) html.Append("<th>").Append(Encode(h)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (IReadOnlyList<string> row in t.Rows)
        {
            html.Append("<tr>");
            foreach (string cell in row) html.Append("<td>").Append(Encode(cell)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
