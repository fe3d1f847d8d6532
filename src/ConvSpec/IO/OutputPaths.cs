namespace ConvSpec.IO;

/// <summary>
/// Where ConvSpec may write: a new path or a regular file it can write, in a folder that exists and
/// takes new files. A folder, a symbolic link, a device node, a FIFO or a socket is never replaced.
/// Commands call <see cref="RequireWritable(string)"/> for every output before any work, so a bad
/// location fails in a second rather than after the computation.
/// </summary>
public static class OutputPaths
{
    /// <param name="path">The output path as the user gave it.</param>
    /// <param name="option">The option that gave it (--npy), to name an empty path by.</param>
    public static void RequireWritable(string path, string? option = null)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new ConvSpecInputException(option ?? "\"\"", "an empty path; name a file.");
        string target = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(target) ?? throw new ConvSpecInputException(path, "is the root of the file system, not a file.");
        switch (PathKinds.Of(directory))
        {
            case PathKind.Directory:
                break;
            case PathKind.SymbolicLink when Directory.Exists(directory):
                break;
            case PathKind.Missing:
                throw new ConvSpecInputException(path, $"cannot write here: the folder {directory} does not exist.");
            default:
                throw new ConvSpecInputException(path, $"cannot write here: {directory} is not a folder.");
        }
        RequireReplaceable(path, PathKinds.Of(target));
        if (PathKinds.Of(target) == PathKind.RegularFile)
            RequireWritableFile(path, target);
        ProbeFolder(path, directory);
    }

    /// <summary>Refuses two outputs of one command at the same path (one would be lost), and an empty path, by its option.</summary>
    public static void RequireDistinct(params (string Option, string? Path)[] outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (option, path) in outputs)
        {
            if (path is null) continue;
            if (string.IsNullOrWhiteSpace(path)) throw new ConvSpecInputException(option, "an empty path; name a file.");
            string full = Path.GetFullPath(path);
            if (seen.TryGetValue(full, out string? first))
                throw new ConvSpecInputException(path, $"is given to both {first} and {option}; each output needs its own file.");
            seen[full] = option;
        }
    }

    /// <summary>Refuses a path whose kind ConvSpec must never replace; a missing path or a regular file passes.</summary>
    internal static void RequireReplaceable(string path, PathKind kind)
    {
        switch (kind)
        {
            case PathKind.Directory:
                throw new ConvSpecInputException(path, "is a folder; an output file is expected.");
            case PathKind.SymbolicLink:
                throw new ConvSpecInputException(path, "is a symbolic link; ConvSpec writes only to regular files or new paths, so name the file itself or a new one.");
            case PathKind.Special:
                throw new ConvSpecInputException(path, "is a device, FIFO or socket, not a regular file; ConvSpec will not replace it.");
        }
    }

    private static void RequireWritableFile(string path, string target)
    {
        try
        {
            // Opening for writing without truncating changes nothing; it only asks the system whether we may.
            using var probe = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (UnauthorizedAccessException)
        {
            throw new ConvSpecInputException(path, "is not writable (read-only); ConvSpec will not replace it.");
        }
    }

    /// <summary>Creates and removes a hidden file in <paramref name="directory"/>: the one sure test that it takes new files. Errors name <paramref name="path"/>.</summary>
    internal static void ProbeFolder(string path, string directory)
    {
        string probe = Path.Combine(directory, $".convspec-probe-{Guid.NewGuid():N}.tmp");
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new ConvSpecInputException(path, $"cannot write into the folder {directory} ({Reason(e)}).");
        }
    }

    /// <summary>Why a write failed, without the hidden temporary name the system message carries.</summary>
    internal static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        IOException when e.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase) => "read-only file system",
        IOException when e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) => "no space left on the device",
        IOException when e.Message.Contains("quota", StringComparison.OrdinalIgnoreCase) => "disk quota exceeded",
        _ => "the system refused the write",
    };
}
