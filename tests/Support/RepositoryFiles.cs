namespace ConvSpec.Tests;

/// <summary>Finds the repository's own files (assets, docs) from wherever the test host runs.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConvSpec.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no ConvSpec.sln above {AppContext.BaseDirectory}; specs run from inside the repository.");
    }
}
