using ConvSpec.IO;
using SkiaSharp;

namespace ConvSpec.Imaging;

/// <summary>Float images in [0, 1] as 8-bit gray PNGs: level = round(255 · clamp(v, 0, 1)).</summary>
public static class GrayPng
{
    public static byte[,] Quantize(float[,] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var levels = new byte[image.GetLength(0), image.GetLength(1)];
        for (int r = 0; r < levels.GetLength(0); r++)
        {
            for (int c = 0; c < levels.GetLength(1); c++)
            {
                float v = image[r, c];
                if (float.IsNaN(v))
                    throw new ArgumentException($"pixel ({r}, {c}) is NaN; an image needs finite values in [0, 1].", nameof(image));
                levels[r, c] = (byte)MathF.Round(255f * Math.Clamp(v, 0f, 1f));
            }
        }
        return levels;
    }

    public static byte[] Encode(float[,] image) => Encode(Quantize(image));

    public static byte[] Encode(byte[,] levels)
    {
        int rows = levels.GetLength(0), cols = levels.GetLength(1);
        using var bitmap = new SKBitmap(new SKImageInfo(cols, rows, SKColorType.Gray8, SKAlphaType.Opaque));
        Span<byte> pixels = bitmap.GetPixelSpan();
        int stride = bitmap.RowBytes;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                pixels[r * stride + c] = levels[r, c];
        }
        return EncodeBitmap(bitmap);
    }

    public static byte[] EncodeBitmap(SKBitmap bitmap)
    {
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the image as PNG.");
        return data.ToArray();
    }

    public static void Save(float[,] image, string path) => AtomicFile.WriteAllBytes(path, Encode(image));

    public static void Save(byte[,] levels, string path) => AtomicFile.WriteAllBytes(path, Encode(levels));
}
