namespace ConvSpec.Imaging;

/// <summary>
/// How large an image ConvSpec decodes. The size comes from the file's header and is compared in 64
/// bits before any pixel buffer exists, so a small crafted file that claims billions of pixels is
/// refused instead of exhausting memory (or overflowing a 32-bit buffer size inside the decoder).
/// </summary>
public static class PixelLimit
{
    /// <summary>64 megapixels: an 8000×8000 photo; the lab's images are a few hundred thousand.</summary>
    public const long Default = 64_000_000;

    /// <summary>The most --max-pixels may allow: four bytes per decoded pixel must fit one .NET array.</summary>
    public const long Ceiling = 500_000_000;

    /// <summary>Refuses a limit outside 1 … <see cref="Ceiling"/>; <paramref name="name"/> is how the user gave it.</summary>
    public static void RequireValid(long maxPixels, string name = "--max-pixels")
    {
        if (maxPixels < 1 || maxPixels > Ceiling)
            throw new ArgumentException($"{name} {maxPixels}: the limit must be between 1 and {Ceiling:N0} pixels.");
    }

    /// <summary>True when <paramref name="rows"/> × <paramref name="cols"/>, computed in 64 bits, is within <paramref name="maxPixels"/>.</summary>
    public static bool Allows(long rows, long cols, long maxPixels) =>
        rows >= 0 && cols >= 0 && (rows == 0 || cols <= maxPixels / rows);
}
