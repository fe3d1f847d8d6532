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
    public static void LinkCopy(string from, string to)
    {
        var start = new ProcessStartInfo("cp") { RedirectStandardError = true };
        foreach (string arg in new[] { "-al", from, to }) start.ArgumentList.Add(arg);
        using var cp = Process.Start(start)!;
        string error = cp.StandardError.ReadToEnd();
        cp.WaitForExit();
        if (cp.ExitCode != 0) throw new IOException($"cp -al {from} {to} failed: {error}");
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
