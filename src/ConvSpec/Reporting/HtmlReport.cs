using System.Globalization;
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
    private readonly List<(string FileName, string Html)> _pages = [];

    public IReadOnlyList<ReportSection> Sections => _sections;

    public void Add(ReportSection section) => _sections.Add(section);

    /// <summary>Another page written beside index.html, such as the spec document the report links into.</summary>
    public void AddPage(string fileName, string html) => _pages.Add((fileName, html));

    /// <summary>Every image file name the page references, in page order.</summary>
    public IEnumerable<string> ReferencedFiles() =>
        _sections.SelectMany(s => s.Blocks).SelectMany(FilesOf).Select(f => f.FileName);

    public void WriteTo(string directory)
    {
        ReportFolder.RequireWritable(directory);
        string target = Path.GetFullPath(directory);
        string parent = Path.GetDirectoryName(target)!;
        ReportFolder.RemoveDebris(target);
        // Every file (figures, tiles, extra pages) is checked before anything is written, and the marker lists
        // them all, so a later run recognises and replaces the whole folder.
        var files = _sections.SelectMany(s => s.Blocks).SelectMany(FilesOf)
            .Concat(_pages.Select(p => (p.FileName, Bytes: Encoding.UTF8.GetBytes(p.Html)))).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal) { "index.html" };
        foreach (var (fileName, _) in files)
        {
            if (fileName.Contains('/') || fileName.Contains('\\') || fileName.StartsWith('.'))
                throw new InvalidOperationException($"report file name {fileName} must be a plain file name.");
            if (!seen.Add(fileName))
                throw new InvalidOperationException($"two files of the report are both called {fileName}.");
        }
        string staging = Path.Combine(parent, $".{Path.GetFileName(target)}.writing-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            ReportFolder.WriteMarker(staging, [.. files.Select(f => f.FileName), "index.html"]);
            foreach (var (fileName, bytes) in files)
                File.WriteAllBytes(Path.Combine(staging, fileName), bytes);
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

    private static IEnumerable<(string FileName, byte[] Bytes)> FilesOf(ReportBlock block) => block switch
    {
        Figure f => [(f.FileName, f.Png)],
        FigureRow row => row.Figures.Select(f => (f.FileName, f.Png)),
        LabelledTiles t => [(t.FileName, t.Png)],
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
                html.Append("<p>").Append(RichHtml(p.Text)).Append("</p>\n");
                break;
            case Figure f:
                html.Append("<div class=\"figures\">");
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
            case Equation e:
                html.Append("<div class=\"equation\">").Append(e.MathMarkup).Append("<span class=\"eq-ref\">")
                    .Append(RichHtml(new Rich([e.Source]))).Append("</span></div>\n");
                break;
            case CountTable c:
                RenderCounts(html, c);
                break;
            case LabelledTiles tiles:
                RenderTiles(html, tiles);
                break;
            default:
                throw new NotSupportedException($"no HTML for {block.GetType().Name}.");
        }
    }

    /// <summary>Text, maths and links as HTML: text and link targets escaped, maths (built by <see cref="MathMl"/>) as it is.</summary>
    public static string RichHtml(Rich text)
    {
        var html = new StringBuilder();
        foreach (Inline part in text.Parts)
        {
            switch (part)
            {
                case Plain t: html.Append(Encode(t.Text)); break;
                case InlineMath m: html.Append(m.Markup); break;
                case Link l: html.Append("<a href=\"").Append(Encode(l.Href)).Append("\">").Append(Encode(l.Label)).Append("</a>"); break;
                default: throw new NotSupportedException($"no HTML for {part.GetType().Name}.");
            }
        }
        return html.ToString();
    }

    /// <summary>The image at its pixel size times the figure's scale, so nothing is resampled by an arbitrary factor.</summary>
    private static void RenderFigure(StringBuilder html, Figure f)
    {
        var (width, height) = PngSize(f.Png);
        long shownWidth = (long)Math.Round(width * f.Scale), shownHeight = (long)Math.Round(height * f.Scale);
        html.Append("<figure style=\"width: ").Append(shownWidth).Append("px\"><img").Append(f.Pixelated ? " class=\"pixelated\"" : "")
            .Append(" src=\"").Append(Encode(f.FileName)).Append("\" width=\"").Append(shownWidth).Append("\" height=\"").Append(shownHeight)
            .Append("\" alt=\"").Append(Encode(f.Caption.PlainText)).Append("\"><figcaption>").Append(RichHtml(f.Caption)).Append("</figcaption></figure>");
    }

    private static void RenderTable(StringBuilder html, Table t)
    {
        if (t.Caption is not null) html.Append("<p class=\"note\">").Append(RichHtml(t.Caption)).Append("</p>");
        html.Append("<div class=\"table-wrap\"><table><thead><tr>");
        string Open(string tag, int column) => t.TextColumns?.Contains(column) == true && column > 0 ? $"<{tag} class=\"text\">" : $"<{tag}>";
        for (int c = 0; c < t.Headers.Count; c++) html.Append(Open("th", c)).Append(Encode(t.Headers[c])).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (IReadOnlyList<Rich> row in t.Rows)
        {
            html.Append("<tr>");
            for (int c = 0; c < row.Count; c++) html.Append(Open("td", c)).Append(RichHtml(row[c])).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>\n");
    }

    /// <summary>Shades each count by its logarithm against the largest, so a handful of errors is still visible beside a thousand hits.</summary>
    private static void RenderCounts(StringBuilder html, CountTable c)
    {
        long largest = Math.Max(1, c.Counts.Cast<long>().Max());
        html.Append("<div class=\"table-wrap\"><table class=\"counts\"><caption>").Append(RichHtml(c.Caption)).Append("</caption><thead><tr><th>")
            .Append(Encode(c.RowTitle)).Append(" ↓ · ").Append(Encode(c.ColumnTitle)).Append(" →</th>");
        foreach (string label in c.ColumnLabels) html.Append("<th>").Append(Encode(label)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (int r = 0; r < c.Counts.GetLength(0); r++)
        {
            html.Append("<tr><th>").Append(Encode(c.RowLabels[r])).Append("</th>");
            for (int col = 0; col < c.Counts.GetLength(1); col++)
            {
                long count = c.Counts[r, col];
                double strength = count == 0 ? 0 : Math.Log(1 + count) / Math.Log(1 + largest);
                string rgb = r == col ? "47, 111, 178" : "200, 64, 42";
                html.Append("<td style=\"background: rgba(").Append(rgb).Append(", ").Append(strength.ToString("0.00", CultureInfo.InvariantCulture)).Append(')')
                    .Append(strength > 0.55 ? "; color: #fff" : "").Append("\">").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>\n");
    }

    /// <summary>Each tile is a window onto the one strip image, enlarged by an integer with nearest-neighbour pixels.</summary>
    private static void RenderTiles(StringBuilder html, LabelledTiles t)
    {
        var (width, height) = PngSize(t.Png);
        int tileWidth = t.TileWidth * t.Scale, tileHeight = t.TileHeight * t.Scale;
        html.Append("<figure class=\"tiles\"><div class=\"tile-grid\">");
        for (int n = 0; n < t.Labels.Count; n++)
        {
            html.Append("<div class=\"tile\"><div class=\"tile-window\" style=\"width: ").Append(tileWidth).Append("px; height: ").Append(tileHeight).Append("px\">")
                .Append("<img class=\"pixelated\" src=\"").Append(Encode(t.FileName)).Append("\" width=\"").Append(width * t.Scale).Append("\" height=\"").Append(height * t.Scale)
                .Append("\" style=\"margin-left: -").Append(n * tileWidth).Append("px\" alt=\"").Append(Encode(t.Labels[n])).Append("\"></div><span>")
                .Append(Encode(t.Labels[n])).Append("</span></div>");
        }
        html.Append("</div><figcaption>").Append(RichHtml(t.Caption)).Append("</figcaption></figure>\n");
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        using var codec = SkiaSharp.SKCodec.Create(new MemoryStream(png)) ?? throw new InvalidOperationException("a report figure is not a readable image.");
        return (codec.Info.Width, codec.Info.Height);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
