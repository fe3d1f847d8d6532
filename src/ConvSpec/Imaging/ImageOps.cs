using static TorchSharp.torch;

namespace ConvSpec.Imaging;

/// <summary>The image operations the lab takes from its libraries, done the same way.</summary>
public static class ImageOps
{
    /// <summary>Bilinear resize as F.interpolate(mode='bilinear', align_corners=False), which the notebook uses to get 170×150.</summary>
    public static float[,] ResizeBilinear(float[,] image, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (height < 1 || width < 1)
            throw new ArgumentOutOfRangeException(nameof(height), $"a resized image needs at least 1×1 pixels, not {height}×{width}.");
        using var scope = NewDisposeScope();
        Tensor x = tensor(image).unsqueeze(0).unsqueeze(0);
        Tensor resized = nn.functional.interpolate(x, size: [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
        return Arrays.TensorArrays.ToMatrix<float>(resized.squeeze(0).squeeze(0));
    }

    /// <summary>(v − min) / (max − min), the notebook's normalisation of the gradient image; a constant image maps to zeros.</summary>
    public static float[,] MinMaxNormalize(float[,] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (float v in image)
        {
            min = MathF.Min(min, v);
            max = MathF.Max(max, v);
        }
        var normalized = new float[image.GetLength(0), image.GetLength(1)];
        if (!(max > min)) return normalized;
        for (int r = 0; r < image.GetLength(0); r++)
        {
            for (int c = 0; c < image.GetLength(1); c++)
                normalized[r, c] = (image[r, c] - min) / (max - min);
        }
        return normalized;
    }
}
