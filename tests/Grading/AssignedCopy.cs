using ConvSpec.Grading.Assign;

namespace ConvSpec.Tests.Grading;

/// <summary>
/// A starter written by <see cref="Assigner"/> in this process, for the specs that only read its files: no build,
/// no test run (<see cref="AssignedStarter"/> does those), so they run in seconds.
/// </summary>
public sealed class AssignedCopy : IDisposable
{
    private readonly TempFolder _folder = new("convspec-assigned-");

    public AssignedCopy()
    {
        Result = Assigner.Assign(SuitePaths.Root, Folder);
    }

    public string Folder => _folder.PathOf("starter");

    public AssignResult Result { get; }

    /// <summary>Every file of the starter, repository-relative with '/'.</summary>
    public IEnumerable<string> Files =>
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'));

    public string Read(string path) => File.ReadAllText(Path.Combine(Folder, path));

    public void Dispose() => _folder.Dispose();
}
