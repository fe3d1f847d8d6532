using System.Globalization;
using ConvSpec.Arrays;
using ConvSpec.Imaging;
using ConvSpec.Tests.Unit.Convolution;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Unit.Cli;

/// <summary>
/// `conv` without --npy prints a small Y on the screen, and `sobel` writes E as a PNG alone; the numbers are checked
/// against TorchSharp's conv2d and against values worked out by hand, never against the library's own output.
/// </summary>
[Specifies("Rule: small results on the screen, E as a PNG alone")]
public sealed class ScreenOutputSpecs : IDisposable
{
    private readonly TempFolder _folder = new("convspec-screen-");

    public void Dispose() => _folder.Dispose();

    private string PathOf(string name) => Path.Combine(_folder.Path, name);

    private CliResult Convspec(params string[] args) => CliProcess.Run(_folder.Path, args);

    /// <summary>The numbers of the printed rows, one array a row (the first stdout line is the heading).</summary>
    private static double[][] PrintedRows(CliResult result) =>
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => double.Parse(n, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();

    private static double[,] Conv2d(double[,] x, double[,] k)
    {
        using var scope = NewDisposeScope();
        var y = nn.functional.conv2d(tensor(x).view(1, 1, x.GetLength(0), x.GetLength(1)), tensor(k).view(1, 1, k.GetLength(0), k.GetLength(1)));
        var rows = (int)y.shape[2];
        var cols = (int)y.shape[3];
        var values = y.view(-1).data<double>().ToArray();
        var result = new double[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++) result[r, c] = values[r * cols + c];
        }
        return result;
    }

    [Fact]
    public void Conv_without_an_output_file_prints_the_hand_worked_result()
    {
        Npy.Write(PathOf("x.npy"), new double[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } });
        Npy.Write(PathOf("k.npy"), new double[,] { { 1, 2 }, { 0, 0 } });

        var result = Convspec("conv", "x.npy", "k.npy").EnsureSuccess("conv");

        result.Stdout.Should().StartWith("Y 2×2 float64 (not saved; --npy FILE.npy writes it to a file):");
        PrintedRows(result).Should().BeEquivalentTo(new[] { new double[] { 5, 8 }, new double[] { 14, 17 } }, o => o.WithStrictOrdering(),
            "y_ij = x_ij + 2·x_i,j+1: 1 + 4, 2 + 6, 4 + 10, 5 + 12");
        Directory.GetFileSystemEntries(_folder.Path).Should().HaveCount(2, "nothing is written when the result goes to the screen");
    }

    [Fact]
    public void Conv_prints_a_result_of_the_largest_size_shown_exactly_as_torchsharps_conv2d()
    {
        var random = new Random(1412);
        var x = new double[14, 13];
        var k = new double[3, 2];
        foreach (var m in new[] { x, k })
        {
            for (int r = 0; r < m.GetLength(0); r++)
            {
                for (int c = 0; c < m.GetLength(1); c++) m[r, c] = Math.Round(random.NextDouble() * 8 - 4, 3);
            }
        }
        Npy.Write(PathOf("x.npy"), x);
        Npy.Write(PathOf("k.npy"), k);
        double[,] expected = Conv2d(x, k);

        double[][] printed = PrintedRows(Convspec("conv", "x.npy", "k.npy").EnsureSuccess("conv"));

        printed.Should().HaveCount(12, "14 − 3 + 1 rows, the most printed");
        for (int r = 0; r < 12; r++)
        {
            printed[r].Should().HaveCount(12, "13 − 2 + 1 columns");
            for (int c = 0; c < 12; c++) printed[r][c].Should().BeApproximately(expected[r, c], 1e-12, "Y[{0}, {1}] as conv2d computes it", r, c);
        }
    }

    [Fact]
    public void Conv_refuses_to_print_a_result_too_large_for_the_screen_and_says_how_to_save_it()
    {
        Npy.Write(PathOf("x.npy"), new float[14, 14]);
        Npy.Write(PathOf("k.npy"), new float[1, 2]);

        var result = Convspec("conv", "x.npy", "k.npy");

        result.ExitCode.Should().Be(2, "a result too large for the screen is the user's to save; stderr: {0}", result.Stderr);
        result.Stdout.Should().BeEmpty("no part of a result too large is printed");
        result.StderrLines.Should().ContainSingle().Which.Should().Be("convspec: Y is 14×13, more than the 12×12 printed on the screen; give --npy FILE.npy to save it.");
    }

    [Fact]
    public void Sobel_with_png_alone_writes_only_the_png_of_the_edge_image_of_conv2d()
    {
        GrayPng.Save(new float[,] { { 0, 0, 0, 1, 1 }, { 0, 0, 0, 1, 1 }, { 0, 0, 1, 1, 1 }, { 0, 0, 1, 1, 1 }, { 0, 1, 1, 1, 1 } }, PathOf("step.png"));

        var result = Convspec("sobel", "step.png", "--png", "e.png").EnsureSuccess("sobel --png");

        result.Stdout.Should().Contain("→ e.png");
        Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Should().BeEquivalentTo(["step.png", "e.png"], "--png alone writes no .npy");
        float[,] image = GrayImage.Load(PathOf("step.png"), 0, 1000);
        double[,] input = new double[5, 5];
        for (int r = 0; r < 5; r++)
        {
            for (int c = 0; c < 5; c++) input[r, c] = image[r, c];
        }
        double[,] gx = Conv2d(input, NotebookKernels.SobelX), gy = Conv2d(input, NotebookKernels.SobelY);
        var magnitude = new double[3, 3];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++) magnitude[r, c] = Math.Sqrt(gx[r, c] * gx[r, c] + gy[r, c] * gy[r, c]);
        }
        double max = magnitude.Cast<double>().Max();
        float[,] written = GrayImage.Load(PathOf("e.png"), 0, 1000);
        written.GetLength(0).Should().Be(3);
        written.GetLength(1).Should().Be(3);
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++) ((double)written[r, c]).Should().BeApproximately(magnitude[r, c] / max, 1.0 / 255 + 1e-6, "pixel ({0}, {1}) is E = |∇I| / max in 8 bits", r, c);
        }
    }
}
