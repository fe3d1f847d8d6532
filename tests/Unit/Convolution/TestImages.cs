using SkiaSharp;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>
/// Reads the committed test images (assets/images) as one gray channel with pixels byte/255, the way
/// the notebook's ToTensor does. Kept here, small, so the specs do not depend on the library's imaging code.
/// </summary>
internal static class TestImages
{
    public static float[,] Channel(string fileName, int channel)
    {
        string path = Path.Combine(RepositoryRoot.Find(), "assets", "images", fileName);
        using SKBitmap bitmap = SKBitmap.Decode(path)
            ?? throw new InvalidOperationException($"{path} could not be decoded as an image.");
        var pixels = new float[bitmap.Height, bitmap.Width];
        for (int r = 0; r < bitmap.Height; r++)
        {
            for (int c = 0; c < bitmap.Width; c++)
            {
                SKColor color = bitmap.GetPixel(c, r);
                byte value = channel switch { 0 => color.Red, 1 => color.Green, _ => color.Blue };
                pixels[r, c] = value / 255f;
            }
        }
        return pixels;
    }
}

/// <summary>Finds the repository root (the folder holding ConvSpec.sln) above the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConvSpec.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no ConvSpec.sln above {AppContext.BaseDirectory}.");
    }
}
