using ConvSpec.IO;

namespace ConvSpec.Reporting;

/// <summary>
/// The rules for the lab report's folder: ConvSpec writes a new folder, fills an empty one, or replaces
/// one it wrote earlier, which it recognises by its marker file (<see cref="MarkerName"/>) listing every
/// file it wrote there. A folder holding anything else (a user's notes, a file the marker does not list)
/// is refused whole, and removing an old report removes only the files its marker lists.
/// </summary>
public static class ReportFolder
{
    public const string MarkerName = ".convspec-report";

    private const string MarkerHeader = "# Written by ConvSpec (convspec lab). It replaces this folder only while it holds just these files:";

    /// <summary>Checks that a report may be written at <paramref name="directory"/>; call it before any work.</summary>
    public static void RequireWritable(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
            throw new ConvSpecInputException("--out", "an empty path; name a folder for the report.");
        string target = Path.GetFullPath(directory);
        string parent = Path.GetDirectoryName(target) ?? throw new ConvSpecInputException(directory, "is the root of the file system; name a folder for the report.");
        if (!Directory.Exists(parent))
            throw new ConvSpecInputException(directory, $"cannot write the report here: the folder {parent} does not exist.");
        switch (PathKinds.Of(target))
        {
            case PathKind.Missing:
                break;
            case PathKind.Directory:
                RequireEmptyOrOwn(directory, target);
                break;
            case PathKind.SymbolicLink:
                throw new ConvSpecInputException(directory, "is a symbolic link; name a new folder or one ConvSpec wrote.");
            default:
                throw new ConvSpecInputException(directory, "is a file; the report needs a folder there.");
        }
        OutputPaths.ProbeFolder(directory, parent);
    }

    /// <summary>The files a marker lists, or null when <paramref name="folder"/> has no marker ConvSpec wrote.</summary>
    public static IReadOnlyList<string>? ListedFiles(string folder)
    {
        string marker = Path.Combine(folder, MarkerName);
        if (PathKinds.Of(marker) != PathKind.RegularFile) return null;
        string[] lines = File.ReadAllLines(marker);
        if (lines.Length == 0 || lines[0] != MarkerHeader) return null;
        return lines.Skip(1).Where(l => l.Length > 0).ToList();
    }

    /// <summary>Writes the marker first, so even a run killed halfway leaves a folder the next run recognises.</summary>
    public static void WriteMarker(string folder, IEnumerable<string> files) =>
        File.WriteAllLines(Path.Combine(folder, MarkerName), [MarkerHeader, .. files]);

    /// <summary>
    /// Removes a folder ConvSpec wrote: the files its marker lists, the marker, then the folder if that left it
    /// empty. Returns false, touching nothing, when the folder has no marker or holds a file the marker does not list.
    /// </summary>
    public static bool RemoveOwn(string folder)
    {
        if (ListedFiles(folder) is not { } listed || Strangers(folder, listed).Any()) return false;
        foreach (string file in listed)
        {
            string path = Path.Combine(folder, file);
            if (PathKinds.Of(path) == PathKind.RegularFile) File.Delete(path);
        }
        File.Delete(Path.Combine(folder, MarkerName));
        Directory.Delete(folder);
        return true;
    }

    /// <summary>Removes staging and previous folders that a killed run left beside <paramref name="target"/>, when they are ConvSpec's.</summary>
    public static void RemoveDebris(string target)
    {
        string parent = Path.GetDirectoryName(target)!;
        string prefix = $".{Path.GetFileName(target)}.";
        foreach (string folder in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            string suffix = Path.GetFileName(folder)[prefix.Length..];
            bool ours = (suffix.StartsWith("writing-", StringComparison.Ordinal) || suffix.StartsWith("previous-", StringComparison.Ordinal)) &&
                        suffix[(suffix.IndexOf('-') + 1)..] is { Length: 32 } hex && hex.All(char.IsAsciiHexDigitLower);
            if (ours && PathKinds.Of(folder) == PathKind.Directory) RemoveOwn(folder);
        }
    }

    private static void RequireEmptyOrOwn(string directory, string target)
    {
        if (!Directory.EnumerateFileSystemEntries(target).Any()) return;
        if (ListedFiles(target) is not { } listed)
            throw new ConvSpecInputException(directory,
                "is a folder that ConvSpec did not write and that is not empty; the report goes only into a new or empty folder, or one an earlier `convspec lab` wrote.");
        string[] strangers = Strangers(target, listed).ToArray();
        if (strangers.Length > 0)
            throw new ConvSpecInputException(directory,
                $"holds {string.Join(", ", strangers.Take(3))}{(strangers.Length > 3 ? ", …" : "")}, which ConvSpec did not write; move it away or choose another --out.");
    }

    private static IEnumerable<string> Strangers(string folder, IReadOnlyList<string> listed) =>
        Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>()
            .Where(name => name != MarkerName && (!listed.Contains(name) || PathKinds.Of(Path.Combine(folder, name)) != PathKind.RegularFile));
}
