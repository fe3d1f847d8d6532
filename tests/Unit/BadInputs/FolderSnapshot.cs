namespace ConvSpec.Tests.Unit.BadInputs;

/// <summary>Every entry under a folder as one line: relative path, kind, permissions, and a file's content hash or a link's target.</summary>
public static class FolderSnapshot
{
    public static IReadOnlyList<string> Of(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Order(StringComparer.Ordinal)
            .Select(path => Describe(root, path))
            .ToList();

    private static string Describe(string root, string path)
    {
        string name = Path.GetRelativePath(root, path);
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target) return $"{name} -> {target}";
        string mode = OperatingSystem.IsWindows() ? "" : File.GetUnixFileMode(path).ToString();
        if (Directory.Exists(path)) return $"{name}/ {mode}";
        if (IO.PathKinds.Of(path) != IO.PathKind.RegularFile) return $"{name} special {mode}";
        return $"{name} {mode} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)))}";
    }
}
