using ConvSpec.Arrays;
using ConvSpec.Convolution;
using ConvSpec.Imaging;
using ConvSpec.Reference;

namespace ConvSpec.Tests.Unit.Cli;

/// <summary>The `convspec` commands as scripts meet them: real processes, real .npy and PNG files.</summary>
public sealed class CliSpecs : IDisposable
{
    private readonly TempFolder _folder = new("convspec-cli-");

    public void Dispose() => _folder.Dispose();

    private string PathOf(string name) => Path.Combine(_folder.Path, name);

    private CliResult Convspec(params string[] args) => CliProcess.Run(_folder.Path, args);

    private static string Camera => RepositoryFiles.PathOf("assets/images/camera.png");

    private static double[,] RandomMatrix(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var m = new double[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++) m[r, c] = random.NextDouble() * 2 - 1;
        }
        return m;
    }

    private void ShouldHaveFailedCleanly(CliResult result, string expectedMessage, params string[] absentFiles)
    {
        result.ExitCode.Should().Be(2, "a user's mistake exits with 2; stderr was: {0}", result.Stderr);
        result.StderrLines.Should().ContainSingle("one clear line, not a stack trace").Which.Should().Match(expectedMessage);
        foreach (string file in absentFiles) File.Exists(PathOf(file)).Should().BeFalse($"a failed run leaves no {file}");
        Directory.GetFileSystemEntries(_folder.Path, ".*").Should().BeEmpty("no temporary file is left behind");
    }

    [Fact]
    [Specifies("Rule: the CLI computes what the library computes")]
    public void Sobel_writes_the_normalised_edge_image_as_npy_and_png()
    {
        CliResult result = Convspec("sobel", Camera, "--npy", "e.npy", "--png", "e.png", "--resize", "170", "150");

        result.ExitCode.Should().Be(0, result.Stderr);
        // The reference is conv2d with the notebook's literal kernels, not the library's own Sobel.
        float[,] expected = TorchReference.ApplySobel(ImageOps.ResizeBilinear(GrayImage.Load(Camera), 170, 150));
        NpyMatrix written = Npy.Read(PathOf("e.npy"));
        written.Dtype.Should().Be(NpyDtype.Float32);
        written.Float32.Should().BeEquivalentTo(expected, o => o.Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-5f)).WhenTypeIs<float>(),
            "E for the 170×150 image has the valid size 168×148");
        GrayImage.LoadLevels(PathOf("e.png")).Should().BeEquivalentTo(GrayPng.Quantize(written.Float32!), "the PNG shows the same E");
    }

    [Theory]
    [Specifies("Rule: the CLI computes what the library computes")]
    [InlineData(false)]
    [InlineData(true)]
    public void Conv_keeps_the_dtype_and_equals_conv2d(bool float64)
    {
        double[,] x = RandomMatrix(9, 7, 1), k = RandomMatrix(3, 2, 2);
        if (float64)
        {
            Npy.Write(PathOf("x.npy"), x);
            Npy.Write(PathOf("k.npy"), k);
        }
        else
        {
            Npy.Write(PathOf("x.npy"), Matrix.Convert<double, float>(x));
            Npy.Write(PathOf("k.npy"), Matrix.Convert<double, float>(k));
        }

        CliResult result = Convspec("conv", "x.npy", "k.npy", "--npy", "y.npy");
        result.ExitCode.Should().Be(0, result.Stderr);

        NpyMatrix y = Npy.Read(PathOf("y.npy"));
        y.Dtype.Should().Be(float64 ? NpyDtype.Float64 : NpyDtype.Float32, "the output keeps the input's dtype");
        if (float64) y.Float64.Should().BeEquivalentTo(TorchReference.Conv2d(x, k), o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
        else y.Float32.Should().BeEquivalentTo(TorchReference.Conv2d(Matrix.Convert<double, float>(x), Matrix.Convert<double, float>(k)), o => o.Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-5f)).WhenTypeIs<float>());
    }

    [Fact]
    [Specifies("Rule: the CLI computes what the library computes")]
    public void Conv_grad_writes_both_gradients_for_a_given_output_gradient()
    {
        double[,] x = RandomMatrix(6, 8, 3), k = RandomMatrix(2, 3, 4), dy = RandomMatrix(5, 6, 5);
        Npy.Write(PathOf("x.npy"), x);
        Npy.Write(PathOf("k.npy"), k);
        Npy.Write(PathOf("dy.npy"), dy);

        CliResult result = Convspec("conv-grad", "x.npy", "k.npy", "--dy", "dy.npy", "--dx", "dx.npy", "--dk", "dk.npy");
        result.ExitCode.Should().Be(0, result.Stderr);

        // Autograd of L = Σ dy_ij·y_ij, whose ∂L/∂Y is dy, is the reference.
        using var scope = TorchSharp.torch.NewDisposeScope();
        var xt = TensorArrays.ToTensor(x).unsqueeze(0).unsqueeze(0).requires_grad_(true);
        var kt = TensorArrays.ToTensor(k).unsqueeze(0).unsqueeze(0).requires_grad_(true);
        (TorchSharp.torch.nn.functional.conv2d(xt, kt).squeeze(0).squeeze(0) * TensorArrays.ToTensor(dy)).sum().backward();
        Npy.Read(PathOf("dx.npy")).Float64.Should().BeEquivalentTo(TensorArrays.ToMatrix<double>(xt.grad!.squeeze(0).squeeze(0)),
            o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
        Npy.Read(PathOf("dk.npy")).Float64.Should().BeEquivalentTo(TensorArrays.ToMatrix<double>(kt.grad!.squeeze(0).squeeze(0)),
            o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
    }

    [Fact]
    [Specifies("Rule: the CLI computes what the library computes")]
    public void Conv_grad_of_an_image_uses_the_notebooks_loss()
    {
        CliResult result = Convspec("conv-grad", Camera, "--kernel", "sobel-x", "--dx", "dx.npy");
        result.ExitCode.Should().Be(0, result.Stderr);

        // Autograd of L = Σ (G_x ∗ I)² in float64, with the notebook's literal sobel_x, is the reference.
        using var scope = TorchSharp.torch.NewDisposeScope();
        var image = TensorArrays.ToTensor(Matrix.Convert<float, double>(GrayImage.Load(Camera))).unsqueeze(0).unsqueeze(0).requires_grad_(true);
        var sobelX = TorchSharp.torch.tensor(new double[] { -1, 0, 1, -2, 0, 2, -1, 0, 1 }).view(1, 1, 3, 3);
        TorchSharp.torch.nn.functional.conv2d(image, sobelX).pow(2).sum().backward();
        // Gradients reach about 60; float32 sums of nine products are good to about 1e-5 of that.
        Npy.Read(PathOf("dx.npy")).Float32.Should().BeEquivalentTo(Matrix.Convert<double, float>(TensorArrays.ToMatrix<double>(image.grad!.squeeze(0).squeeze(0))),
            o => o.Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-3f)).WhenTypeIs<float>(), "L = Σ y² has ∂L/∂Y = 2Y");
    }

    [Fact]
    [Specifies("Rule: bad input names what was wrong")]
    public void A_missing_input_file_is_named()
    {
        ShouldHaveFailedCleanly(Convspec("sobel", "absent.png", "--npy", "e.npy"), "convspec: absent.png: no such file.", "e.npy");
    }

    [Fact]
    [Specifies("Rule: bad input names what was wrong")]
    public void A_file_that_is_not_an_image_is_named()
    {
        File.WriteAllText(PathOf("notes.png"), "not pixels");
        ShouldHaveFailedCleanly(Convspec("sobel", "notes.png", "--npy", "e.npy", "--png", "e.png"), "convspec: notes.png: not an image*", "e.npy", "e.png");
    }

    [Fact]
    [Specifies("Rule: bad input names what was wrong")]
    public void A_wrong_dtype_or_rank_is_named()
    {
        Npy.Write(PathOf("x.npy"), new float[4, 4]);
        Npy.Write(PathOf("k.npy"), new double[2, 2]);
        ShouldHaveFailedCleanly(Convspec("conv", "x.npy", "k.npy", "--npy", "y.npy"), "convspec: k.npy: is float64 but x.npy is float32*", "y.npy");

        byte[] rank3 = File.ReadAllBytes(PathOf("x.npy"));
        string header = System.Text.Encoding.ASCII.GetString(rank3, 10, rank3.Length - 10 - 64).Replace("(4, 4)", "(4, 4, 1)");
        File.WriteAllBytes(PathOf("r3.npy"), [.. rank3[..10], .. System.Text.Encoding.ASCII.GetBytes(header), .. rank3[^64..]]);
        ShouldHaveFailedCleanly(Convspec("conv", "r3.npy", "x.npy", "--npy", "y.npy"), "convspec: r3.npy: *rank 3*", "y.npy");
    }

    [Fact]
    [Specifies("Rule: bad input names what was wrong")]
    public void A_kernel_larger_than_its_input_is_named_with_both_shapes()
    {
        Npy.Write(PathOf("x.npy"), new float[3, 4]);
        Npy.Write(PathOf("k.npy"), new float[5, 5]);
        ShouldHaveFailedCleanly(Convspec("conv", "x.npy", "k.npy", "--npy", "y.npy"), "convspec: k.npy: kernel 5×5 is larger than the input 3×4 of x.npy.", "y.npy");
    }

    [Fact]
    [Specifies("Rule: nothing is lost or half-written")]
    public void A_failed_run_leaves_an_existing_output_untouched()
    {
        Npy.Write(PathOf("x.npy"), new double[4, 4]);
        Npy.Write(PathOf("k.npy"), new double[2, 2]);
        Npy.Write(PathOf("dy.npy"), new double[2, 2]);
        File.WriteAllText(PathOf("dx.npy"), "previous result");

        CliResult result = Convspec("conv-grad", "x.npy", "k.npy", "--dy", "dy.npy", "--dx", "dx.npy");

        ShouldHaveFailedCleanly(result, "convspec: dy.npy: ∂L/∂Y is 2×2 but X 4×4 and K 2×2 give Y of 3×3.");
        File.ReadAllText(PathOf("dx.npy")).Should().Be("previous result");
    }

    [Fact]
    [Specifies("Rule: bad input names what was wrong")]
    public void A_missing_required_option_is_one_line()
    {
        ShouldHaveFailedCleanly(Convspec("pack"), "convspec: Option '--student' is required.*");
    }
}
