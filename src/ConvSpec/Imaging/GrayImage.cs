using ConvSpec.IO;
using SkiaSharp;

namespace ConvSpec.Imaging;

/// <summary>Images as the lab uses them: one channel as a float[,] with pixels byte/255 (torchvision's ToTensor).</summary>
public static class GrayImage
{
    /// <summary>
    /// Channel <paramref name="channel"/> (0 = red, 1 = green, 2 = blue) of a PNG or JPEG; a gray image has the same value in all three.
    /// An image of more than <paramref name="maxPixels"/> pixels is refused before it is decoded.
    /// </summary>
    public static float[,] Load(string path, int channel = 0, long maxPixels = PixelLimit.Default)
    {
        if (channel is < 0 or > 2)
            throw new ConvSpecInputException(path, $"channel {channel} does not exist; use 0 (red), 1 (green) or 2 (blue).");
        var (rgba, rows, cols) = DecodeRgba(path, maxPixels);
        var image = new float[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                image[r, c] = rgba[(r * cols + c) * 4 + channel] / 255f;
        }
        return image;
    }

    /// <summary>The 8-bit levels of a gray image; rejects one whose red, green and blue differ.</summary>
    public static byte[,] LoadLevels(string path, long maxPixels = PixelLimit.Default)
    {
        var (rgba, rows, cols) = DecodeRgba(path, maxPixels);
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

    private static (byte[] Rgba, int Rows, int Cols) DecodeRgba(string path, long maxPixels)
    {
        PixelLimit.RequireValid(maxPixels, "the pixel limit");
        InputPaths.RequireFile(path, "an image file");
        using SKCodec? codec = SKCodec.Create(path);
        if (codec is null)
            throw new ConvSpecInputException(path, "not an image that can be decoded (PNG or JPEG expected).");
        long width = codec.Info.Width, height = codec.Info.Height;
        if (width < 1 || height < 1)
            throw new ConvSpecInputException(path, $"the image claims {width}×{height} pixels; it has no pixels to use.");
        if (!PixelLimit.Allows(height, width, maxPixels))
            throw new ConvSpecInputException(path,
                $"the image is {width}×{height} = {width * height:N0} pixels, more than the limit of {maxPixels:N0}; it was not decoded (raise the limit with --max-pixels).");

        // A known byte order and no colour management, so the stored byte values reach us unchanged.
        var info = new SKImageInfo((int)width, (int)height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[checked((int)info.BytesSize64)];
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
