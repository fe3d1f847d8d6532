namespace ConvSpec.Lab;

/// <summary>Where the lab finds its images: assets/images of the repository, or a folder the user names.</summary>
public static class LabInputs
{
    public const string CameraFile = "camera.png";
    public const string AstronautFile = "astronaut.png";

    /// <summary>The first assets/images folder above <paramref name="start"/> (the working directory, then the program's folder).</summary>
    public static string FindImagesFolder(string? start = null)
    {
        foreach (string origin in new[] { start ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "assets", "images");
                if (File.Exists(Path.Combine(candidate, CameraFile))) return candidate;
            }
        }
        throw new FileNotFoundException(
            $"no assets/images/{CameraFile} above {start ?? Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; run from the repository or pass --images DIR.");
    }
}
