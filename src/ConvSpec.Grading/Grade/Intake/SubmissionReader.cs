using System.IO.Compression;
using System.Text.RegularExpressions;
using ConvSpec.IO;

namespace ConvSpec.Grading.Grade.Intake;

/// <summary>
/// Reads SUBMISSIONS: each folder or .zip directly inside is one student (named after it); any other entry is
/// ignored and reported. Inside a hand-in each SUBMIT.txt file is matched by its path (also below one wrapping
/// folder, as in alice.zip/alice/src/…), or else by its file name alone where exactly one entry has that name
/// (a flat zip of the files). Everything else is reported and left out. Each path's kind is read before
/// anything is opened (<see cref="PathKinds"/>): symbolic links, named pipes, devices and sockets are refused
/// unopened. Absolute paths, '..' and files over the size limit are refused too. Zip entries are read in memory
/// and never extracted, so a crafted name cannot write outside the workspace (zip-slip).
/// </summary>
public static partial class SubmissionReader
{
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase) { "feedback", "grades.csv", "timing.csv", "grading-log.md", "canvas.csv" };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex StudentName();

    /// <summary>One file of a hand-in, not yet read: its path inside the hand-in, its claimed size, and how to read at most a limit of it.</summary>
    private sealed record Entry(string Path, long Length, Func<long, byte[]?> Read);

    public static (IReadOnlyList<Submission> Submissions, IReadOnlyList<string> Ignored) ReadAll(
        string submissionsDir, IReadOnlySet<string> submitPaths, IntakeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(submitPaths);
        ArgumentNullException.ThrowIfNull(limits);
        var submissions = new List<Submission>();
        var ignored = new List<string>();
        var names = new DirectoryInfo(submissionsDir).EnumerateFileSystemInfos().Select(e => e.Name).Order(StringComparer.Ordinal);
        foreach (string name in names)
        {
            string path = Path.Combine(submissionsDir, name);
            PathKind kind = PathKinds.Of(path);
            bool isZip = kind == PathKind.RegularFile && name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
            string student = isZip ? name[..^4] : name;
            if (kind == PathKind.SymbolicLink)
                ignored.Add($"{name}: a symbolic link, not a submission; ignored.");
            else if (kind == PathKind.Special)
                ignored.Add($"{name}: a named pipe, device or socket, not a submission; ignored without being opened.");
            else if (kind != PathKind.Directory && !isZip)
                ignored.Add($"{name}: neither a folder nor a .zip; ignored.");
            else if (!StudentName().IsMatch(student))
                ignored.Add($"{name}: a student name may hold only letters, digits, '.', '_' and '-' (at most 64); ignored.");
            else if (ReservedNames.Contains(student))
                ignored.Add($"{name}: '{student}' is the name of a report in the output folder; ignored.");
            else if (submissions.Any(s => s.Student == student))
                ignored.Add($"{name}: a second submission for {student}; ignored.");
            else
                submissions.Add(isZip ? FromZip(student, path, submitPaths, limits) : FromFolder(student, path, submitPaths, limits));
        }
        return (submissions, ignored);
    }

    /// <summary>
    /// One hand-in on its own, as Gradescope lays it out (the student's files in one folder): read like one student
    /// of a class, under the name <paramref name="student"/>.
    /// </summary>
    public static Submission ReadOne(string student, string handIn, IReadOnlySet<string> submitPaths, IntakeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(submitPaths);
        ArgumentNullException.ThrowIfNull(limits);
        if (!StudentName().IsMatch(student)) throw new ArgumentException($"'{student}' is not a student name (letters, digits, '.', '_' and '-').", nameof(student));
        return PathKinds.Of(handIn) switch
        {
            PathKind.Directory => FromFolder(student, handIn, submitPaths, limits),
            PathKind.RegularFile when handIn.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) => FromZip(student, handIn, submitPaths, limits),
            PathKind.Missing => throw new DirectoryNotFoundException($"the hand-in {handIn} does not exist."),
            _ => throw new IOException($"the hand-in {handIn} is neither a folder nor a .zip."),
        };
    }

    private static Submission FromFolder(string student, string folder, IReadOnlySet<string> submitPaths, IntakeLimits limits)
    {
        var entries = new List<Entry>();
        var rejected = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        int seen = 0;
        while (pending.Count > 0)
        {
            foreach (string full in Directory.EnumerateFileSystemEntries(pending.Pop()).Order(StringComparer.Ordinal))
            {
                string path = Path.GetRelativePath(folder, full).Replace('\\', '/');
                if (++seen > limits.MaxEntries)
                {
                    rejected.Add($"more than {limits.MaxEntries} entries; the rest were not read.");
                    pending.Clear();
                    break;
                }
                switch (PathKinds.Of(full))
                {
                    case PathKind.SymbolicLink:
                        rejected.Add($"{path}: symbolic links are not accepted.");
                        break;
                    case PathKind.Special:
                        rejected.Add($"{path}: a named pipe, device or socket; not accepted, and not opened.");
                        break;
                    case PathKind.Directory:
                        pending.Push(full);
                        break;
                    case PathKind.RegularFile:
                        entries.Add(new Entry(path, new FileInfo(full).Length, limit => ReadCapped(File.OpenRead(full), limit)));
                        break;
                    default:
                        rejected.Add($"{path}: vanished while it was read.");
                        break;
                }
            }
        }
        return Match(student, entries, rejected, submitPaths, limits);
    }

    private static Submission FromZip(string student, string zipPath, IReadOnlySet<string> submitPaths, IntakeLimits limits)
    {
        var entries = new List<Entry>();
        var rejected = new List<string>();
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            if (zip.Entries.Count > limits.MaxEntries)
                return new Submission(student, new Dictionary<string, byte[]>(), [$"the zip holds {zip.Entries.Count} entries, more than {limits.MaxEntries}; nothing was read."]);
            foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                string name = entry.FullName;
                if (name.EndsWith('/')) continue; // a folder entry
                int unixType = (entry.ExternalAttributes >> 16) & 0xF000;
                if (unixType == 0xA000)
                    rejected.Add($"{name}: symbolic links are not accepted.");
                else if (unixType is not (0 or 0x8000))
                    rejected.Add($"{name}: a named pipe, device or socket; not accepted.");
                else if (PathProblem(name) is { } problem)
                    rejected.Add(problem);
                else
                    entries.Add(new Entry(name, entry.Length, limit => ReadCapped(entry.Open(), limit)));
            }
            // Entries are read here, while the zip is open.
            return Match(student, entries, rejected, submitPaths, limits);
        }
        catch (InvalidDataException e)
        {
            rejected.Add($"not a readable zip: {e.Message}");
            return new Submission(student, new Dictionary<string, byte[]>(), rejected);
        }
    }

    /// <summary>
    /// Takes, for each SUBMIT.txt path, the entry at that path (below the hand-in's one wrapping folder, if it has
    /// one), or else the one entry with its file name; reports every entry left over, and says what was expected
    /// when nothing matched.
    /// </summary>
    private static Submission Match(string student, List<Entry> entries, List<string> rejected, IReadOnlySet<string> submitPaths, IntakeLimits limits)
    {
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        string wrapper = WrappingFolder(entries, submitPaths);
        var uniqueNames = submitPaths.GroupBy(p => Path.GetFileName(p), StringComparer.Ordinal)
            .Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var taken = new List<string>();
        var used = new HashSet<Entry>();
        foreach (string submitPath in submitPaths.Order(StringComparer.Ordinal))
        {
            Entry? match = entries.FirstOrDefault(e => e.Path == wrapper + submitPath);
            if (match is null && uniqueNames.Contains(Path.GetFileName(submitPath)))
            {
                var named = entries.Where(e => !IsClutter(e.Path) && Path.GetFileName(e.Path) == Path.GetFileName(submitPath)).ToList();
                if (named.Count == 1)
                {
                    match = named[0];
                }
                else if (named.Count > 1)
                {
                    used.UnionWith(named);
                    rejected.Add($"{submitPath}: {named.Count} files are named {Path.GetFileName(submitPath)} ({string.Join(", ", named.Select(e => e.Path))}) "
                        + "and none is at this path, so none was taken.");
                }
            }
            if (match is null) continue;
            used.Add(match);
            byte[]? bytes = match.Length > limits.MaxFileBytes ? null : match.Read(limits.MaxFileBytes);
            if (match.Length > limits.MaxFileBytes)
                rejected.Add($"{match.Path}: {match.Length} bytes, more than the limit of {limits.MaxFileBytes}.");
            else if (bytes is null)
                rejected.Add($"{match.Path}: larger than {limits.MaxFileBytes} bytes when unpacked.");
            else
            {
                files[submitPath] = bytes;
                taken.Add(match.Path == submitPath ? submitPath : $"{submitPath} (from {match.Path})");
            }
        }
        foreach (var entry in entries.Where(e => !used.Contains(e)))
            rejected.Add($"{entry.Path}: not listed in SUBMIT.txt; ignored.");
        rejected.Sort(StringComparer.Ordinal);
        if (files.Count == 0)
            rejected.Add("Nothing in this hand-in matched a file of SUBMIT.txt, so the starter's code was graded. Hand in these files, "
                + "at these paths or all in one folder: " + string.Join(", ", submitPaths.Order(StringComparer.Ordinal)) + ".");
        return new Submission(student, files, rejected, taken);
    }

    /// <summary>
    /// "alice/" when every entry lies in one folder and none is at a SUBMIT.txt path as it stands: a hand-in
    /// zipped together with its folder. A Mac's __MACOSX folder beside it does not count.
    /// </summary>
    private static string WrappingFolder(List<Entry> entries, IReadOnlySet<string> submitPaths)
    {
        var real = entries.Where(e => !IsClutter(e.Path)).ToList();
        if (real.Count == 0 || real.Any(e => submitPaths.Contains(e.Path) || !e.Path.Contains('/', StringComparison.Ordinal))) return "";
        var tops = real.Select(e => e.Path[..(e.Path.IndexOf('/', StringComparison.Ordinal) + 1)]).Distinct().ToList();
        return tops.Count == 1 ? tops[0] : "";
    }

    /// <summary>What a Mac adds to a zip: resource forks under __MACOSX/ and .DS_Store files.</summary>
    private static bool IsClutter(string path) =>
        path.StartsWith("__MACOSX/", StringComparison.Ordinal) || Path.GetFileName(path) == ".DS_Store";

    /// <summary>Why a zip entry's name cannot be taken, or null when it can.</summary>
    private static string? PathProblem(string path)
    {
        if (path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || (path.Length > 1 && path[1] == ':'))
            return $"{path}: absolute paths are not accepted.";
        if (path.Split('/').Any(part => part is ".." or "." or ""))
            return $"{path}: '..', '.' and empty path parts are not accepted.";
        return null;
    }

    /// <summary>The stream's bytes, reading no more than the limit whatever a header claims; null when over.</summary>
    private static byte[]? ReadCapped(Stream opened, long limit)
    {
        using var stream = opened;
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
}
