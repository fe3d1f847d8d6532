using System.Text.RegularExpressions;
using ConvSpec.Imaging;

namespace ConvSpec.Tests.Unit.Cli;

/// <summary>`convspec lab --quick`, run as a user runs it, and the report it leaves.</summary>
[Trait("Category", "Mnist")]
public sealed partial class LabCommandSpecs : IDisposable
{
    private readonly TempFolder _folder = new("convspec-lab-");

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex("<img[^>]* src=\"([^\"]+)\"")]
    private static partial Regex ImageSource();

    [Fact]
    [Specifies("Rule: the lab report is self-contained")]
    public void Quick_lab_writes_a_report_whose_every_image_exists()
    {
        CliResult result = CliProcess.Run(RepositoryFiles.Root, TimeSpan.FromMinutes(5), "lab", "--quick", "--out", Path.Combine(_folder.Path, "report"));

        result.ExitCode.Should().Be(0, "stderr: {0}", result.Stderr);
        string html = File.ReadAllText(Path.Combine(_folder.Path, "report", "index.html"));
        string[] images = ImageSource().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        images.Should().Contain(["mnist-grid.png", "training-loss.png", "sobel-reference.png", "sobel-custom.png", "input-gradient.png", "ascent-loss.png", "ascent-image.png"],
            "the page shows every exercise's pictures");
        foreach (string image in images)
        {
            string path = Path.Combine(_folder.Path, "report", image);
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
}
