namespace ConvSpec.IO;

/// <summary>
/// Output files that appear together or not at all, and the one way ConvSpec writes a file: each is
/// written to a hidden temporary file beside its target, and only <see cref="Commit"/> renames them
/// into place, keeping an existing target's permissions. Disposing without a commit removes the
/// temporary files and leaves existing targets as they were. A target must pass
/// <see cref="OutputPaths.RequireWritable"/> (never a folder, link, device or FIFO), both when it is
/// staged and again just before the rename; errors name the target, never the temporary file. Staging
/// a target removes that target's temporary files left by a killed run (see <see cref="StaleAfter"/>).
/// </summary>
public sealed class StagedOutputs : IDisposable
{
    /// <summary>How the temporary files end; <see cref="IsTemporaryName"/> recognises one left by a killed run.</summary>
    public const string TemporarySuffix = ".convspec-tmp";

    private readonly List<(string Temp, string Target, string Given)> _staged = [];

    /// <summary>A temporary file untouched for this long was left by a killed run: no live write pauses that long.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <summary>True for a name this class gives its temporary files (".NAME.32-hex-digits.convspec-tmp").</summary>
    public static bool IsTemporaryName(string fileName) =>
        fileName.StartsWith('.') && fileName.EndsWith(TemporarySuffix, StringComparison.Ordinal) &&
        fileName[..^TemporarySuffix.Length] is var stem && stem.Length > 34 && stem[^33] == '.' &&
        stem[^32..].All(char.IsAsciiHexDigitLower);

    public void Stage(string path, Action<Stream> writeContent)
    {
        ArgumentNullException.ThrowIfNull(writeContent);
        using FileStream stream = Open(path);
        try
        {
            writeContent(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConvSpecInputException(path, $"could not be written ({OutputPaths.Reason(e)}).", e);
        }
    }

    /// <summary>As <see cref="Stage"/>; the stream is readable too, so the writer can check what it wrote (a checksum) before the commit.</summary>
    public async Task StageAsync(string path, Func<Stream, Task> writeContent)
    {
        ArgumentNullException.ThrowIfNull(writeContent);
        await using FileStream stream = Open(path);
        try
        {
            await writeContent(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConvSpecInputException(path, $"could not be written ({OutputPaths.Reason(e)}).", e);
        }
    }

    public void Commit()
    {
        foreach (var (_, target, given) in _staged)
            OutputPaths.RequireReplaceable(given, PathKinds.Of(target));
        foreach (var (temp, target, given) in _staged)
        {
            try
            {
                if (!OperatingSystem.IsWindows() && File.Exists(target))
                    File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
                File.Move(temp, target, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ConvSpecInputException(given, $"could not be written ({OutputPaths.Reason(e)}).", e);
            }
        }
        _staged.Clear();
    }

    public void Dispose()
    {
        foreach (var (temp, _, _) in _staged)
            File.Delete(temp);
        _staged.Clear();
    }

    private FileStream Open(string path)
    {
        OutputPaths.RequireWritable(path);
        string target = Path.GetFullPath(path);
        if (_staged.Any(s => s.Target == target))
            throw new ConvSpecInputException(path, "is staged twice; each output needs its own file.");
        RemoveStaleTemporaries(target);
        string temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
            _staged.Add((temp, target, path));
            return stream;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConvSpecInputException(path, $"could not be written ({OutputPaths.Reason(e)}).", e);
        }
    }

    /// <summary>Removes temporary files of this same target that a killed run left, once they are <see cref="StaleAfter"/> old.</summary>
    private static void RemoveStaleTemporaries(string target)
    {
        string prefix = $".{Path.GetFileName(target)}.";
        foreach (string path in Directory.EnumerateFiles(Path.GetDirectoryName(target)!, prefix + "*" + TemporarySuffix))
        {
            string name = Path.GetFileName(path);
            if (name.Length == prefix.Length + 32 + TemporarySuffix.Length && IsTemporaryName(name) &&
                PathKinds.Of(path) == PathKind.RegularFile && DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > StaleAfter)
                File.Delete(path);
        }
    }
}
