namespace ConvSpec.Cli;

/// <summary>The root of the suite or starter a command works in: the nearest folder upwards that holds ConvSpec.sln.</summary>
internal static class StarterRoot
{
    public const string SolutionFile = "ConvSpec.sln";

    /// <summary>The nearest folder from <paramref name="start"/> upwards holding ConvSpec.sln, or null.</summary>
    public static DirectoryInfo? Find(DirectoryInfo start)
    {
        for (var folder = start; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile))) return folder;
        }
        return null;
    }

    /// <summary>The root above the current folder; an ArgumentException (exit code 2) where there is none.</summary>
    public static string OfCurrentFolder() =>
        Find(new DirectoryInfo(Environment.CurrentDirectory))?.FullName
        ?? throw new ArgumentException($"no {SolutionFile} in {Environment.CurrentDirectory} or above it; run this inside your starter.");
}
