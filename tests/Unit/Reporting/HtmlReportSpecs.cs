using ConvSpec.Reporting;

namespace ConvSpec.Tests.Unit.Reporting;

public sealed class HtmlReportSpecs : IDisposable
{
    private readonly TempFolder _folder = new("convspec-report-");

    public void Dispose() => _folder.Dispose();

    private static readonly byte[] OnePixelPng = Charts.LineChart("t", "x", "y", [("loss", [3.0, 2.0, 1.0])], 64, 48);

    private static HtmlReport ReportWith(params ReportBlock[] blocks)
    {
        var report = new HtmlReport("Lab <6>", "a & b");
        report.Add(new ReportSection("Exercise \"2\"", blocks));
        return report;
    }

    [Fact]
    [Specifies("Rule: the lab report is self-contained")]
    public void Every_figure_the_page_references_is_written_beside_it()
    {
        HtmlReport report = ReportWith(
            new Figure("a.png", OnePixelPng, "first"),
            new FigureRow([new Figure("b.png", OnePixelPng, "second"), new Figure("c.png", OnePixelPng, "third")]));
        string folder = Path.Combine(_folder.Path, "report");

        report.WriteTo(folder);

        string html = File.ReadAllText(Path.Combine(folder, "index.html"));
        foreach (string file in new[] { "a.png", "b.png", "c.png" })
        {
            html.Should().Contain($"src=\"{file}\"");
            File.ReadAllBytes(Path.Combine(folder, file)).Should().Equal(OnePixelPng);
        }
        report.ReferencedFiles().Should().Equal("a.png", "b.png", "c.png");
    }

    [Fact]
    [Specifies("Rule: the lab report is self-contained")]
    public void Text_is_escaped_so_the_page_shows_it_as_written()
    {
        string html = ReportWith(new Paragraph("x < y & <script>"), new Table(["a<b"], [["1 & 2"]])).RenderHtml();

        html.Should().Contain("x &lt; y &amp; &lt;script&gt;").And.Contain("a&lt;b").And.Contain("1 &amp; 2")
            .And.Contain("<title>Lab &lt;6&gt;</title>").And.NotContain("<script>");
    }

    [Fact]
    [Specifies("Rule: nothing is lost or half-written")]
    public void A_failed_write_leaves_the_previous_report_untouched()
    {
        string folder = Path.Combine(_folder.Path, "report");
        ReportWith(new Figure("a.png", OnePixelPng, "first")).WriteTo(folder);
        string before = File.ReadAllText(Path.Combine(folder, "index.html"));
        HtmlReport broken = ReportWith(new Figure("a.png", OnePixelPng, "one"), new Figure("a.png", OnePixelPng, "same name"));

        Action write = () => broken.WriteTo(folder);

        write.Should().Throw<InvalidOperationException>().WithMessage("*a.png*");
        File.ReadAllText(Path.Combine(folder, "index.html")).Should().Be(before);
        Directory.GetDirectories(_folder.Path).Should().ContainSingle("no staging folder is left behind");
    }

    [Fact]
    [Specifies("Rule: nothing is lost or half-written")]
    public void A_new_report_replaces_the_old_one_whole()
    {
        string folder = Path.Combine(_folder.Path, "report");
        ReportWith(new Figure("old.png", OnePixelPng, "old")).WriteTo(folder);

        ReportWith(new Figure("new.png", OnePixelPng, "new")).WriteTo(folder);

        Directory.GetFiles(folder).Select(Path.GetFileName).Should().BeEquivalentTo(["index.html", "new.png", ReportFolder.MarkerName]);
    }

    [Fact]
    public void Extra_pages_are_listed_in_the_marker_so_a_later_run_replaces_them()
    {
        string folder = Path.Combine(_folder.Path, "report");
        HtmlReport first = ReportWith(new Figure("old.png", OnePixelPng, "old"));
        first.AddPage("derivations.html", "<p>derivations</p>");
        first.WriteTo(folder);

        ReportFolder.ListedFiles(folder).Should().BeEquivalentTo(["old.png", "derivations.html", "index.html"]);

        HtmlReport second = ReportWith(new Figure("new.png", OnePixelPng, "new"));
        second.AddPage("derivations.html", "<p>derivations, again</p>");
        second.WriteTo(folder);

        Directory.GetFiles(folder).Select(Path.GetFileName).Should().BeEquivalentTo(["index.html", "new.png", "derivations.html", ReportFolder.MarkerName]);
        File.ReadAllText(Path.Combine(folder, "derivations.html")).Should().Be("<p>derivations, again</p>");
    }

    [Fact]
    public void A_folder_ConvSpec_did_not_write_is_refused_and_left_as_it_was()
    {
        string folder = Path.Combine(_folder.Path, "mine");
        Directory.CreateDirectory(Path.Combine(folder, "subdir"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "my notes");
        File.WriteAllText(Path.Combine(folder, "subdir", "data.bin"), "data");

        Action write = () => ReportWith(new Figure("a.png", OnePixelPng, "a")).WriteTo(folder);

        write.Should().Throw<ConvSpec.IO.ConvSpecInputException>().WithMessage("*not empty*");
        File.ReadAllText(Path.Combine(folder, "notes.txt")).Should().Be("my notes");
        File.ReadAllText(Path.Combine(folder, "subdir", "data.bin")).Should().Be("data");
        Directory.GetFileSystemEntries(_folder.Path).Should().ContainSingle("nothing is written beside the refused folder");
    }

    [Fact]
    public void An_empty_folder_is_filled_and_keeps_its_permissions()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Unix permissions");
        if (!OperatingSystem.IsLinux()) return;
        string folder = Path.Combine(_folder.Path, "empty");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        ReportWith(new Figure("a.png", OnePixelPng, "a")).WriteTo(folder);

        File.Exists(Path.Combine(folder, "index.html")).Should().BeTrue();
        File.GetUnixFileMode(folder).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void A_file_the_user_added_to_an_old_report_stops_the_replacement()
    {
        string folder = Path.Combine(_folder.Path, "report");
        ReportWith(new Figure("old.png", OnePixelPng, "old")).WriteTo(folder);
        File.WriteAllText(Path.Combine(folder, "my-notes.txt"), "keep me");

        Action write = () => ReportWith(new Figure("new.png", OnePixelPng, "new")).WriteTo(folder);

        write.Should().Throw<ConvSpec.IO.ConvSpecInputException>().WithMessage("*my-notes.txt*which ConvSpec did not write*");
        File.ReadAllText(Path.Combine(folder, "my-notes.txt")).Should().Be("keep me");
        File.Exists(Path.Combine(folder, "old.png")).Should().BeTrue("the old report stays whole");
    }

    [Fact]
    public void Staging_left_by_a_killed_run_is_removed_by_the_next()
    {
        string folder = Path.Combine(_folder.Path, "report");
        string stale = Path.Combine(_folder.Path, $".report.writing-{Guid.NewGuid():N}");
        Directory.CreateDirectory(stale);
        ReportFolder.WriteMarker(stale, ["a.png", "index.html"]);
        File.WriteAllBytes(Path.Combine(stale, "a.png"), OnePixelPng);

        ReportWith(new Figure("a.png", OnePixelPng, "a")).WriteTo(folder);

        Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName).Should().Equal("report");
    }

    [Fact]
    [Specifies("Rule: the lab report is self-contained")]
    public void A_line_chart_is_a_png_of_the_requested_size()
    {
        byte[] png = Charts.LineChart("loss", "step", "L", [("ascent", [1.0, 4.0, 9.0])], 300, 200);

        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        (bitmap.Width, bitmap.Height).Should().Be((300, 200));
    }

    [Fact]
    public void A_chart_is_rendered_at_twice_the_size_the_page_shows_it()
    {
        Figure chart = Charts.Figure("c.png", "caption", "loss", "step", "L", [("loss", [3.0, 2.0, 1.0])], 300, 200);

        using var bitmap = SkiaSharp.SKBitmap.Decode(chart.Png);
        (bitmap.Width, bitmap.Height).Should().Be((600, 400), "two image pixels per CSS pixel keep lines and text sharp");
        ReportWith(chart).RenderHtml().Should().Contain("src=\"c.png\" width=\"300\" height=\"200\"");
    }

    [Fact]
    public void A_pixel_image_is_shown_at_an_integer_multiple_of_its_size_with_square_pixels()
    {
        byte[] nineByNine = ConvSpec.Imaging.GrayPng.Encode(new float[9, 9]);

        string html = ReportWith(new Figure("a.png", nineByNine, "ascent", Pixelated: true, Scale: 32)).RenderHtml();

        html.Should().Contain("class=\"pixelated\" src=\"a.png\" width=\"288\" height=\"288\"");
        html.Should().Contain("image-rendering: pixelated");
    }

    [Fact]
    public void Links_and_maths_in_text_are_rendered_and_plain_text_stays_escaped()
    {
        string html = ReportWith(new Paragraph(Rich.Of("a < b (", DerivationsPage.Equation(5), ") ", MathMl.Inline(MathMl.Var("x", "ij"))))).RenderHtml();

        html.Should().Contain("a &lt; b (<a href=\"derivations.html#eq-5\">Eq. 5</a>) <math><msub><mi>x</mi><mrow><mi>i</mi><mi>j</mi></mrow></msub></math>");
    }
}
