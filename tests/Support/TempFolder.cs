namespace ConvSpec.Tests;

/// <summary>
/// A fresh folder under the system's temp folder for one spec class (or fixture), deleted with everything in it
/// when the class is disposed. Specs write only here, never next to the repository or a user's files.
/// </summary>
public sealed class TempFolder(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>A path inside the folder.</summary>
    public string PathOf(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
