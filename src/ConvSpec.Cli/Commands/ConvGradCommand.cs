using System.CommandLine;
using ConvSpec.Arrays;
using ConvSpec.Convolution;
using ConvSpec.Imaging;
using ConvSpec.IO;

namespace ConvSpec.Cli.Commands;

/// <summary>
/// `convspec conv-grad X.npy K.npy --dy DY.npy [--dx DX.npy] [--dk DK.npy]`: both gradients for a given ∂L/∂Y;
/// `convspec conv-grad IMAGE --kernel sobel-x|sobel-y --dx DX.npy [--channel C] [--max-pixels N]`: ∂L/∂X for the notebook's L = Σ y².
/// An option of one form given with the other is refused rather than ignored.
/// </summary>
internal static class ConvGradCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "X.npy K.npy, or one image (PNG/JPEG) with --kernel.", Arity = new ArgumentArity(1, 2) };
        var dy = new Option<string?>("--dy") { Description = "∂L/∂Y as .npy, of size r(X)−r(K)+1 × c(X)−c(K)+1 (with X.npy K.npy)." };
        var dx = new Option<string?>("--dx") { Description = "Where to write ∂L/∂X." };
        var dk = new Option<string?>("--dk") { Description = "Where to write ∂L/∂K." };
        var kernel = new Option<string?>("--kernel") { Description = "With an image: sobel-x or sobel-y, and L = Σ y²." };
        kernel.AcceptOnlyFromAmong("sobel-x", "sobel-y");
        var channel = new Option<int>("--channel") { Description = "With an image: the channel to use (0 = red).", DefaultValueFactory = _ => 0 };
        var maxPixels = OptionChecks.MaxPixels();
        var command = new Command("conv-grad", "Gradients of a loss through Y = K ∗ X with respect to X and K.\n\nExamples:\n  convspec conv-grad x.npy k.npy --dy dy.npy --dx dx.npy --dk dk.npy\n  convspec conv-grad assets/images/camera.png --kernel sobel-x --dx dx.npy") { inputs, dy, dx, dk, kernel, channel, maxPixels };
        command.SetAction(parse =>
        {
            string[] paths = parse.GetValue(inputs)!;
            string? dxPath = parse.GetValue(dx), dkPath = parse.GetValue(dk);
            if (dxPath is null && dkPath is null)
                throw new ArgumentException("nothing to write: give --dx, --dk or both.");
            OutputPaths.RequireDistinct(("--dx", dxPath), ("--dk", dkPath));
            if (paths.Length == 2)
            {
                foreach (Option imageOnly in new Option[] { kernel, channel, maxPixels })
                    OptionChecks.NotGiven(parse, imageOnly, "to X.npy K.npy, only to an image");
                return FromArrays(paths[0], paths[1], parse.GetValue(dy) ?? throw new ArgumentException("--dy DY.npy is needed with X.npy K.npy."), dxPath, dkPath);
            }
            OptionChecks.NotGiven(parse, dy, "to an image, whose ∂L/∂Y is 2Y for L = Σ y²; it goes with X.npy K.npy");
            return FromImage(paths[0], parse.GetValue(kernel) ?? throw new ArgumentException("--kernel sobel-x|sobel-y is needed with an image."),
                parse.GetValue(channel), parse.GetValue(maxPixels), dxPath, dkPath);
        });
        return command;
    }

    private static int FromArrays(string inputPath, string kernelPath, string dyPath, string? dxPath, string? dkPath)
    {
        RequireOutputLocations(dxPath, dkPath);
        var (x, k) = NpyInputs.ReadPair(inputPath, kernelPath);
        NpyInputs.RequireKernelFits(x, inputPath, k, kernelPath);
        var (_, dLossDy) = NpyInputs.ReadPair(inputPath, dyPath);
        int rows = OutputShape.Valid(x.Rows, k.Rows), cols = OutputShape.Valid(x.Cols, k.Cols);
        if (dLossDy.Rows != rows || dLossDy.Cols != cols)
            throw new ConvSpecInputException(dyPath, $"∂L/∂Y is {dLossDy.Shape} but X {x.Shape} and K {k.Shape} give Y of {rows}×{cols}.");

        using var outputs = new StagedOutputs();
        if (dxPath is not null)
        {
            NpyMatrix dLossDx = NpyInputs.RequireFinite(NpyInputs.Apply(dLossDy, k, ConvGradients.ConvGradientWrtInput, ConvGradients.ConvGradientWrtInput), "∂L/∂X", dxPath);
            outputs.Stage(dxPath, s => Npy.Write(s, dLossDx));
        }
        if (dkPath is not null)
        {
            NpyMatrix dLossDk = NpyInputs.RequireFinite(NpyInputs.Apply(dLossDy, x, ConvGradients.ConvGradientWrtKernel, ConvGradients.ConvGradientWrtKernel), "∂L/∂K", dkPath);
            outputs.Stage(dkPath, s => Npy.Write(s, dLossDk));
        }
        outputs.Commit();
        Report(dxPath, $"∂L/∂X {x.Shape}", dkPath, $"∂L/∂K {k.Shape}", x.DtypeName);
        return 0;
    }

    private static int FromImage(string imagePath, string kernelName, int channel, long maxPixels, string? dxPath, string? dkPath)
    {
        PixelLimit.RequireValid(maxPixels);
        if (channel is < 0 or > 2) throw new ArgumentException($"--channel {channel}: use 0 (red), 1 (green) or 2 (blue).");
        RequireOutputLocations(dxPath, dkPath);
        float[,] image = GrayImage.Load(imagePath, channel, maxPixels);
        float[,] kernel = kernelName == "sobel-x" ? SobelKernels.Gx<float>() : SobelKernels.Gy<float>();
        if (image.GetLength(0) < 3 || image.GetLength(1) < 3)
            throw new ConvSpecInputException(imagePath, $"the image is {image.GetLength(0)}×{image.GetLength(1)}, smaller than the 3×3 kernel.");

        float[,] dLossDy = Matrix.Scale(2f, Convolution2D.ApplyConvolution(image, kernel));

        using var outputs = new StagedOutputs();
        if (dxPath is not null)
        {
            NpyMatrix dLossDx = NpyInputs.RequireFinite(NpyMatrix.Of(ConvGradients.ConvGradientWrtInput(dLossDy, kernel)), "∂L/∂X", dxPath);
            outputs.Stage(dxPath, s => Npy.Write(s, dLossDx));
        }
        if (dkPath is not null)
        {
            NpyMatrix dLossDk = NpyInputs.RequireFinite(NpyMatrix.Of(ConvGradients.ConvGradientWrtKernel(dLossDy, image)), "∂L/∂K", dkPath);
            outputs.Stage(dkPath, s => Npy.Write(s, dLossDk));
        }
        outputs.Commit();
        Report(dxPath, $"∂L/∂X {image.GetLength(0)}×{image.GetLength(1)}", dkPath, "∂L/∂K 3×3", "float32");
        return 0;
    }

    private static void RequireOutputLocations(string? dxPath, string? dkPath)
    {
        if (dxPath is not null) OutputPaths.RequireWritable(dxPath, "--dx");
        if (dkPath is not null) OutputPaths.RequireWritable(dkPath, "--dk");
    }

    private static void Report(string? dxPath, string dx, string? dkPath, string dk, string dtype)
    {
        if (dxPath is not null) Console.WriteLine($"{dx} {dtype} → {dxPath}");
        if (dkPath is not null) Console.WriteLine($"{dk} {dtype} → {dkPath}");
    }
}
