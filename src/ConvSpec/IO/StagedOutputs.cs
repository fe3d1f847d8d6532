namespace ConvSpec.IO;

/// <summary>
/// Several output files that appear together or not at all: each is written to a temporary file
/// beside its target, and only <see cref="Commit"/> renames them into place. Disposing without a
/// commit removes the temporary files and leaves any existing targets as they were.
/// </summary>
public sealed class StagedOutputs : IDisposable
{
    private readonly List<(string Temp, string Target)> _staged = [];

    /// <summary>Fails early, before any work, when an output's folder does not exist.</summary>
    public static void RequireWritableLocation(string path)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
            throw new ConvSpecInputException(path, $"cannot write here: the folder {directory} does not exist.");
        if (Directory.Exists(path))
            throw new ConvSpecInputException(path, "is a folder; an output file is expected.");
    }

    public void Stage(string path, Action<Stream> writeContent)
    {
        ArgumentNullException.ThrowIfNull(writeContent);
        RequireWritableLocation(path);
        string target = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        _staged.Add((temp, target));
        using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
        writeContent(stream);
    }

    public void Commit()
    {
        foreach (var (temp, target) in _staged)
            File.Move(temp, target, overwrite: true);
        _staged.Clear();
    }

    public void Dispose()
    {
        foreach (var (temp, _) in _staged)
            File.Delete(temp);
        _staged.Clear();
    }
}
