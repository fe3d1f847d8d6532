using ConvSpec.IO;
using SkiaSharp;

namespace ConvSpec.Imaging;

/// <summary>Images as the lab uses them: one channel as a float[,] with pixels byte/255 (torchvision's ToTensor).</summary>
public static class GrayImage
{
    /// <summary>Channel <paramref name="channel"/> (0 = red, 1 = green, 2 = blue) of a PNG or JPEG; a gray image has the same value in all three.</summary>
    public static float[,] Load(string path, int channel = 0)
    {
        if (channel is < 0 or > 2)
            throw new ConvSpecInputException(path, $"channel {channel} does not exist; use 0 (red), 1 (green) or 2 (blue).");
        var (rgba, rows, cols) = DecodeRgba(path);
        var image = new float[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                image[r, c] = rgba[(r * cols + c) * 4 + channel] / 255f;
        }
        return image;
    }

    /// <summary>The 8-bit levels of a gray image; rejects one whose red, green and blue differ.</summary>
    public static byte[,] LoadLevels(string path)
    {
        var (rgba, rows, cols) = DecodeRgba(path);
        var levels = new byte[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                int at = (r * cols + c) * 4;
                if (rgba[at] != rgba[at + 1] || rgba[at + 1] != rgba[at + 2])
                    throw new ConvSpecInputException(path, $"not a gray image: pixel ({r}, {c}) has different red, green and blue values.");
                levels[r, c] = rgba[at];
            }
        }
        return levels;
    }

    private static (byte[] Rgba, int Rows, int Cols) DecodeRgba(string path)
    {
        if (!File.Exists(path))
            throw new ConvSpecInputException(path, "no such file.");
        using SKCodec? codec = SKCodec.Create(path);
        if (codec is null)
            throw new ConvSpecInputException(path, "not an image that can be decoded (PNG or JPEG expected).");

        // A known byte order and no colour management, so the stored byte values reach us unchanged.
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize];
        SKCodecResult result;
        unsafe
        {
            fixed (byte* pixels = rgba)
                result = codec.GetPixels(info, (IntPtr)pixels);
        }
        return result switch
        {
            SKCodecResult.Success => (rgba, info.Height, info.Width),
            SKCodecResult.IncompleteInput => throw new ConvSpecInputException(path, "the image data is truncated."),
            _ => throw new ConvSpecInputException(path, $"the image data could not be decoded ({result})."),
        };
    }
}
