using System.CommandLine;
using ConvSpec.Arrays;
using ConvSpec.Convolution;
using ConvSpec.IO;

namespace ConvSpec.Cli.Commands;

/// <summary>`convspec conv X.npy K.npy [--npy Y.npy]`: the hand-written valid convolution Y = K ∗ X, saved, or printed when small.</summary>
internal static class ConvCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("X.npy") { Description = "Input matrix (float32 or float64, 2-D, C order)." };
        var kernel = new Argument<string>("K.npy") { Description = "Kernel, same dtype, no larger than X." };
        var output = new Option<string?>("--npy")
        {
            Description = $"Where to write Y (dtype of X). Without it, Y is printed on the screen if it has at most {ScreenMatrix.Limit} rows and {ScreenMatrix.Limit} columns.",
        };
        var command = new Command("conv", "Valid 2-D convolution (cross-correlation) of X with K.\n\nExamples:\n  convspec conv x.npy k.npy --npy y.npy\n  convspec conv x.npy k.npy            (prints Y when it is at most 12×12)")
        {
            input, kernel, output,
        };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(kernel)!, parse.GetValue(output)));
        return command;
    }

    private static int Run(string inputPath, string kernelPath, string? outputPath)
    {
        if (outputPath is not null) OutputPaths.RequireWritable(outputPath, "--npy");
        var (x, k) = NpyInputs.ReadPair(inputPath, kernelPath);
        NpyInputs.RequireKernelFits(x, inputPath, k, kernelPath);

        NpyMatrix y = NpyInputs.RequireFinite(NpyInputs.Apply(x, k, Convolution2D.ApplyConvolution, Convolution2D.ApplyConvolution), "Y", outputPath ?? "Y");
        if (outputPath is null)
        {
            ScreenMatrix.Print("Y", y, "--npy");
            return 0;
        }

        Npy.Write(outputPath, y);
        Console.WriteLine($"Y {y.Shape} {y.DtypeName} → {outputPath}");
        return 0;
    }
}
