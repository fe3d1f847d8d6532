using System.Text.RegularExpressions;
using ConvSpec.Imaging;

namespace ConvSpec.Tests.Unit.Cli;

/// <summary>`convspec lab --quick`, run as a user runs it, and the report it leaves.</summary>
[Trait("Category", "Mnist")]
public sealed partial class LabCommandSpecs(QuickLabRun quickLab) : IDisposable, IClassFixture<QuickLabRun>
{
    private readonly TempFolder _folder = new("convspec-lab-");

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex("<img[^>]* src=\"([^\"]+)\"")]
    private static partial Regex ImageSource();

    [Fact]
    [Specifies("Rule: the lab report is self-contained")]
    public void Quick_lab_writes_a_report_whose_every_image_exists()
    {
        CliResult result = quickLab.Result;

        result.ExitCode.Should().Be(0, "stderr: {0}", result.Stderr);
        string html = quickLab.Page("index.html");
        string[] images = ImageSource().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        images.Should().Contain(["mnist-grid.png", "training-loss.png", "sobel-reference.png", "sobel-custom.png", "input-gradient.png", "ascent-loss.png", "ascent-image.png", "misclassified.png"],
            "the page shows every exercise's pictures");
        foreach (string image in images)
        {
            string path = Path.Combine(quickLab.ReportFolder, image);
            File.Exists(path).Should().BeTrue($"the page shows {image}");
            FluentActions.Invoking(() => GrayImage.Load(path)).Should().NotThrow($"{image} must be a readable PNG");
        }
        html.Should().Contain("Exercise 1").And.Contain("Exercise 2").And.Contain("Exercise 3");
    }

    [Fact]
    [Specifies("Rule: bad input names what was wrong")]
    public void Lab_with_a_non_positive_epoch_count_fails_in_one_line_without_a_report()
    {
        CliResult result = CliProcess.Run(_folder.Path, "lab", "--epochs", "0", "--out", "report");

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().Contain("--epochs 0");
        Directory.Exists(Path.Combine(_folder.Path, "report")).Should().BeFalse();
    }

    [Fact]
    public void Quick_lab_with_redirected_output_writes_plain_lines_without_carriage_returns()
    {
        CliResult result = quickLab.Result;

        result.ExitCode.Should().Be(0, "stderr: {0}", result.Stderr);
        result.Stdout.Should().NotContain("\r", "a redirected stdout is a log: no line is redrawn in place");
        result.Stderr.Should().NotContain("\r", "progress on a redirected stderr is one line per phase, not a redrawn bar");
        result.Stderr.Should().NotContain("\u001b", "no terminal escape sequences go into a file");
        result.StderrLines.Should().ContainSingle(l => l.TrimStart().StartsWith("epoch 1/1:", StringComparison.Ordinal), "one line for the one epoch")
            .And.ContainSingle(l => l.TrimStart().StartsWith("trained model on the test set:", StringComparison.Ordinal), "one line for the final evaluation");
        result.StderrLines.Count.Should().BeLessThan(20, "a line per phase, not one per batch (94 batches in --quick)");
    }

    [Fact]
    public void Every_equation_and_erratum_link_of_the_report_lands_on_a_heading_of_the_copied_spec_document()
    {
        quickLab.Result.ExitCode.Should().Be(0, "stderr: {0}", quickLab.Result.Stderr);
        string html = quickLab.Page("index.html"), derivations = quickLab.Page("derivations.html");
        string[] anchors = DerivationsLink().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToArray();

        anchors.Should().Contain(["eq-1", "eq-2", "eq-5", "eq-11", "erratum-e7", "erratum-e9"], "the report cites the equations it shows and the errata it mentions");
        foreach (string anchor in anchors)
            derivations.Should().MatchRegex($"<h3 id=\"{anchor}\">(Equation|Erratum) ", $"derivations.html#{anchor} must land on its heading");
        html.Should().Contain("<math display=\"block\">", "equations are typeset as MathML");
    }

    [GeneratedRegex("href=\"derivations\\.html#([^\"]+)\"")]
    private static partial Regex DerivationsLink();
}
