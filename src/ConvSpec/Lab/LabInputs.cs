namespace ConvSpec.Lab;

/// <summary>
/// Where the lab finds what it reads besides MNIST: the images of assets/images and the spec document
/// docs/derivations.md, in the repository or, for the installed tool, beside the program.
/// </summary>
public static class LabInputs
{
    public const string CameraFile = "camera.png";
    public const string AstronautFile = "astronaut.png";
    public const string DerivationsFile = "docs/derivations.md";

    /// <summary>The first assets/images folder above <paramref name="start"/> (the working directory, then the program's folder).</summary>
    public static string FindImagesFolder(string? start = null) =>
        Path.GetDirectoryName(Find(Path.Combine("assets", "images", CameraFile), start, "pass --images DIR"))!;

    /// <summary>The first docs/derivations.md above <paramref name="start"/> (the working directory, then the program's folder).</summary>
    public static string FindDerivations(string? start = null) => Find(DerivationsFile, start, "run from the repository");

    private static string Find(string relativePath, string? start, string remedy)
    {
        foreach (string origin in new[] { start ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, relativePath);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new FileNotFoundException(
            $"no {relativePath} above {start ?? Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; {remedy}.");
    }
}
