using System.Diagnostics;

namespace ConvSpec.Grading.Grade;

/// <summary>Copies of files and folders for workspaces.</summary>
internal static class FileTree
{
    public static void CopyFiles(string fromRoot, string toRoot, IEnumerable<string> relativePaths)
    {
        foreach (string path in relativePaths)
        {
            string target = Path.Combine(toRoot, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(fromRoot, path), target, overwrite: true);
        }
    }

    /// <summary>
    /// A copy made of hard links (cp -al), cheap even for TorchSharp's 1.4 GB of native libraries. Safe because
    /// the copy is mounted read-only for student code, and files the grader replaces are deleted first.
    /// </summary>
    public static void LinkCopy(string from, string to) => Cp("-al", from, to);

    /// <summary>
    /// <see cref="LinkCopy"/> where both folders are on one file system, else a plain copy (a hard link cannot cross
    /// file systems: a setup cache may lie on another than the work area).
    /// </summary>
    public static void LinkOrCopy(string from, string to)
    {
        try
        {
            LinkCopy(from, to);
        }
        catch (IOException)
        {
            DeleteIfExists(to);
            Cp("-a", from, to);
        }
    }

    private static void Cp(string mode, string from, string to)
    {
        var start = new ProcessStartInfo("cp") { RedirectStandardError = true };
        foreach (string arg in new[] { mode, from, to }) start.ArgumentList.Add(arg);
        using var cp = Process.Start(start)!;
        string error = cp.StandardError.ReadToEnd();
        cp.WaitForExit();
        if (cp.ExitCode != 0) throw new IOException($"cp {mode} {from} {to} failed: {error}");
    }

    /// <summary>Puts a fresh file in place of a possibly hard-linked one, so the link's other names keep their content.</summary>
    public static void Replace(string source, string target)
    {
        File.Delete(target);
        File.Copy(source, target);
    }

    public static void DeleteIfExists(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
