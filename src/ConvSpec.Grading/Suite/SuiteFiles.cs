using System.Diagnostics;

namespace ConvSpec.Grading.Suite;

/// <summary>
/// The files that make up a suite: `git ls-files` in a git checkout (tracked files only), otherwise a walk
/// of the folder that skips bin/, obj/, artifacts/ and dot-folders such as .git and .vs.
/// Paths are repository-relative with '/' and sorted ordinally, so every run sees the same order.
/// </summary>
public static class SuiteFiles
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "bin", "obj", "artifacts" };

    public static IReadOnlyList<string> List(string root)
    {
        var files = IsGitCheckout(root) ? TryGitLsFiles(root) : null;
        files ??= Walk(root);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static bool IsGitCheckout(string root) =>
        Directory.Exists(Path.Combine(root, ".git")) || File.Exists(Path.Combine(root, ".git"));

    private static List<string>? TryGitLsFiles(string root)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { "ls-files", "-z", "--cached" })
            start.ArgumentList.Add(arg);
        try
        {
            using var git = Process.Start(start)!;
            string output = git.StandardOutput.ReadToEnd();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode != 0) return null;
            return output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Where(path => File.Exists(Path.Combine(root, path)))
                .ToList();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed: fall back to the walk.
        }
    }

    private static List<string> Walk(string root)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = new DirectoryInfo(pending.Pop());
            foreach (var entry in folder.EnumerateFileSystemInfos())
            {
                if (entry.LinkTarget is not null) continue;
                if (entry is DirectoryInfo sub)
                {
                    if (!SkippedFolders.Contains(sub.Name) && !sub.Name.StartsWith('.')) pending.Push(sub.FullName);
                }
                else
                {
                    files.Add(Path.GetRelativePath(root, entry.FullName).Replace('\\', '/'));
                }
            }
        }
        return files;
    }
}
