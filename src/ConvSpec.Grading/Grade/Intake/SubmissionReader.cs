using System.IO.Compression;
using System.Text.RegularExpressions;

namespace ConvSpec.Grading.Grade.Intake;

/// <summary>
/// Reads SUBMISSIONS: each folder or .zip directly inside is one student (named after it); any other entry is
/// ignored and reported. Inside a submission only paths listed in SUBMIT.txt are taken; absolute paths, '..',
/// symbolic links, files over the size limit and everything else are rejected with a message. Zip entries are
/// never extracted to disk, so a crafted name cannot write outside the workspace (zip-slip).
/// </summary>
public static partial class SubmissionReader
{
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase) { "feedback", "grades.csv", "timing.csv" };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex StudentName();

    public static (IReadOnlyList<Submission> Submissions, IReadOnlyList<string> Ignored) ReadAll(
        string submissionsDir, IReadOnlySet<string> submitPaths, IntakeLimits limits)
    {
        var submissions = new List<Submission>();
        var ignored = new List<string>();
        var entries = new DirectoryInfo(submissionsDir).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            bool isZip = entry is FileInfo && entry.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
            string student = isZip ? entry.Name[..^4] : entry.Name;
            if (entry.LinkTarget is not null)
                ignored.Add($"{entry.Name}: a symbolic link, not a submission; ignored.");
            else if (entry is not DirectoryInfo && !isZip)
                ignored.Add($"{entry.Name}: neither a folder nor a .zip; ignored.");
            else if (!StudentName().IsMatch(student))
                ignored.Add($"{entry.Name}: a student name may hold only letters, digits, '.', '_' and '-' (at most 64); ignored.");
            else if (ReservedNames.Contains(student))
                ignored.Add($"{entry.Name}: '{student}' is the name of a report in the output folder; ignored.");
            else if (submissions.Any(s => s.Student == student))
                ignored.Add($"{entry.Name}: a second submission for {student}; ignored.");
            else
                submissions.Add(isZip ? FromZip(student, entry.FullName, submitPaths, limits) : FromFolder(student, entry.FullName, submitPaths, limits));
        }
        return (submissions, ignored);
    }

    private static Submission FromFolder(string student, string folder, IReadOnlySet<string> submitPaths, IntakeLimits limits)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var rejected = new List<string>();
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(folder));
        int seen = 0;
        while (pending.Count > 0)
        {
            foreach (var entry in pending.Pop().EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                string path = Path.GetRelativePath(folder, entry.FullName).Replace('\\', '/');
                if (++seen > limits.MaxEntries)
                {
                    rejected.Add($"more than {limits.MaxEntries} entries; the rest were not read.");
                    return new Submission(student, files, rejected);
                }
                if (entry.LinkTarget is not null)
                    rejected.Add($"{path}: symbolic links are not accepted.");
                else if (entry is DirectoryInfo sub)
                    pending.Push(sub);
                else if (Check(path, ((FileInfo)entry).Length, submitPaths, limits) is { } problem)
                    rejected.Add(problem);
                else
                    files[path] = File.ReadAllBytes(entry.FullName);
            }
        }
        return new Submission(student, files, Sorted(rejected));
    }

    private static Submission FromZip(string student, string zipPath, IReadOnlySet<string> submitPaths, IntakeLimits limits)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var rejected = new List<string>();
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            if (zip.Entries.Count > limits.MaxEntries)
                return new Submission(student, files, [$"the zip holds {zip.Entries.Count} entries, more than {limits.MaxEntries}; nothing was read."]);
            foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                string name = entry.FullName;
                if (name.EndsWith('/')) continue; // a folder entry
                int unixMode = (entry.ExternalAttributes >> 16) & 0xF000;
                if (unixMode == 0xA000)
                    rejected.Add($"{name}: symbolic links are not accepted.");
                else if (Check(name, entry.Length, submitPaths, limits) is { } problem)
                    rejected.Add(problem);
                else if (ReadCapped(entry, limits.MaxFileBytes) is { } bytes)
                    files[name] = bytes;
                else
                    rejected.Add($"{name}: larger than {limits.MaxFileBytes} bytes when unpacked.");
            }
        }
        catch (InvalidDataException e)
        {
            rejected.Add($"not a readable zip: {e.Message}");
        }
        return new Submission(student, files, Sorted(rejected));
    }

    /// <summary>Why a path cannot be taken, or null when it can.</summary>
    private static string? Check(string path, long length, IReadOnlySet<string> submitPaths, IntakeLimits limits)
    {
        if (path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || (path.Length > 1 && path[1] == ':'))
            return $"{path}: absolute paths are not accepted.";
        if (path.Split('/').Any(part => part is ".." or "." or ""))
            return $"{path}: '..', '.' and empty path parts are not accepted.";
        if (!submitPaths.Contains(path))
            return $"{path}: not listed in SUBMIT.txt; ignored.";
        if (length > limits.MaxFileBytes)
            return $"{path}: {length} bytes, more than the limit of {limits.MaxFileBytes}.";
        return null;
    }

    /// <summary>The entry's bytes, reading no more than the limit whatever its header claims; null when over.</summary>
    private static byte[]? ReadCapped(ZipArchiveEntry entry, long limit)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) return null;
        }
        return buffer.ToArray();
    }

    private static List<string> Sorted(List<string> messages)
    {
        messages.Sort(StringComparer.Ordinal);
        return messages;
    }
}
