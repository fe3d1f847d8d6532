using System.CommandLine;
using ConvSpec.Arrays;
using ConvSpec.Convolution;
using ConvSpec.Imaging;
using ConvSpec.IO;

namespace ConvSpec.Cli.Commands;

/// <summary>`convspec sobel IMAGE [--npy OUT.npy] [--png OUT.png] [--channel C] [--resize H W] [--max-pixels N]`: the normalised edge image E, as .npy, PNG or both.</summary>
internal static class SobelCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("IMAGE") { Description = "A PNG or JPEG image." };
        var npy = new Option<string?>("--npy") { Description = "Where to write E (float32, valid size). Give --npy, --png or both." };
        var png = new Option<string?>("--png") { Description = "Where to write E as an 8-bit gray PNG. Give --npy, --png or both." };
        var channel = new Option<int>("--channel") { Description = "Channel to use: 0 red (default, as ToTensor()(img)[0]), 1 green, 2 blue.", DefaultValueFactory = _ => 0 };
        var resize = new Option<int[]?>("--resize") { Description = "Resize to H W first (bilinear, as the notebook's 170 150).", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };
        var maxPixels = OptionChecks.MaxPixels();
        var command = new Command("sobel", "Sobel edge image E = sqrt((G_x ∗ I)² + (G_y ∗ I)²) / max with the hand-written convolution.\n\nExamples:\n  convspec sobel assets/images/camera.png --resize 170 150 --png edges.png\n  convspec sobel assets/images/camera.png --npy edges.npy --png edges.png")
        {
            image, npy, png, channel, resize, maxPixels,
        };
        command.SetAction(parse => Run(parse.GetValue(image)!, parse.GetValue(npy), parse.GetValue(png), parse.GetValue(channel), parse.GetValue(resize), parse.GetValue(maxPixels)));
        return command;
    }

    private static int Run(string imagePath, string? npyPath, string? pngPath, int channel, int[]? resize, long maxPixels)
    {
        if (npyPath is null && pngPath is null)
            throw new ArgumentException("sobel writes E to a file: give --npy E.npy, --png E.png or both.");
        PixelLimit.RequireValid(maxPixels);
        if (channel is < 0 or > 2) throw new ArgumentException($"--channel {channel}: use 0 (red), 1 (green) or 2 (blue).");
        if (resize is [int height, int width])
        {
            if (height < 3 || width < 3) throw new ArgumentException($"--resize {height} {width}: the Sobel kernels need at least 3×3 pixels.");
            if (!PixelLimit.Allows(height, width, maxPixels))
                throw new ArgumentException($"--resize {height} {width}: {(long)height * width:N0} pixels is more than the limit of {maxPixels:N0} (--max-pixels).");
        }
        OutputPaths.RequireDistinct(("--npy", npyPath), ("--png", pngPath));
        if (npyPath is not null) OutputPaths.RequireWritable(npyPath, "--npy");
        if (pngPath is not null) OutputPaths.RequireWritable(pngPath, "--png");

        float[,] input = GrayImage.Load(imagePath, channel, maxPixels);
        if (resize is [int rows, int cols]) input = ImageOps.ResizeBilinear(input, rows, cols);
        if (input.GetLength(0) < 3 || input.GetLength(1) < 3)
            throw new ConvSpecInputException(imagePath, $"the image is {input.GetLength(0)}×{input.GetLength(1)}, smaller than the 3×3 Sobel kernels.");

        float[,] edges = Sobel.ApplyCustomSobel(input);

        using var outputs = new StagedOutputs();
        if (npyPath is not null) outputs.Stage(npyPath, s => Npy.Write(s, edges));
        if (pngPath is not null) outputs.Stage(pngPath, s => s.Write(GrayPng.Encode(edges)));
        outputs.Commit();
        Console.WriteLine($"E {edges.GetLength(0)}×{edges.GetLength(1)} float32 → {string.Join(", ", new[] { npyPath, pngPath }.OfType<string>())}");
        return 0;
    }
}
