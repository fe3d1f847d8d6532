using SkiaSharp;

namespace ConvSpec.Tests.Approval.Snapshots;

/// <summary>8-bit gray images as the snapshots store them: level = round(255 · clamp(v, 0, 1)).</summary>
internal static class GrayLevels
{
    public static byte[,] Quantize(float[,] image)
    {
        var levels = new byte[image.GetLength(0), image.GetLength(1)];
        for (int r = 0; r < levels.GetLength(0); r++)
        {
            for (int c = 0; c < levels.GetLength(1); c++)
            {
                float v = image[r, c];
                if (float.IsNaN(v))
                    throw new ArgumentException($"pixel ({r}, {c}) is NaN; a snapshot needs finite values in [0, 1].", nameof(image));
                levels[r, c] = (byte)MathF.Round(255f * Math.Clamp(v, 0f, 1f));
            }
        }
        return levels;
    }

    public static void WritePng(byte[,] levels, string path)
    {
        int rows = levels.GetLength(0), cols = levels.GetLength(1);
        using var bitmap = new SKBitmap(new SKImageInfo(cols, rows, SKColorType.Gray8, SKAlphaType.Opaque));
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                bitmap.SetPixel(c, r, new SKColor(levels[r, c], levels[r, c], levels[r, c]));
        }
        WriteEncoded(bitmap, path);
    }

    public static byte[,] ReadPng(string path)
    {
        using var bitmap = SKBitmap.Decode(path)
            ?? throw new InvalidDataException($"{path} is not a PNG image that SkiaSharp can decode.");
        var levels = new byte[bitmap.Height, bitmap.Width];
        for (int r = 0; r < bitmap.Height; r++)
        {
            for (int c = 0; c < bitmap.Width; c++)
            {
                SKColor pixel = bitmap.GetPixel(c, r);
                if (pixel.Red != pixel.Green || pixel.Green != pixel.Blue)
                    throw new InvalidDataException($"{path} is not gray: pixel ({r}, {c}) is {pixel}.");
                levels[r, c] = pixel.Red;
            }
        }
        return levels;
    }

    /// <summary>Encodes to a temporary file and renames it, so a snapshot is never half-written.</summary>
    public static void WriteEncoded(SKBitmap bitmap, string path)
    {
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode {path} as PNG.");
        string temp = path + ".tmp";
        using (FileStream file = File.Create(temp))
            data.SaveTo(file);
        File.Move(temp, path, overwrite: true);
    }
}
