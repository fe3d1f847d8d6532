using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ConvSpec.Grading.Grade.Shards;
using ConvSpec.IO;

namespace ConvSpec.Grading.Grade;

/// <summary>
/// `grade --setup-cache DIR` and `grade prepare`: the pristine suite's build (<see cref="PristineSuite"/>) kept in DIR
/// between grading runs, one entry per suite and grader, named by <see cref="Key"/>. A run whose entry is complete
/// uses it and builds nothing; runs that need the same entry at once wait for the one that builds it.
/// What the entry holds runs as the grading user and includes the reference solution and the hidden specs, so DIR
/// must belong to that user and be private to it (mode 0700); the grader makes it so when it creates DIR, and
/// refuses a DIR that others could read or change.
/// </summary>
public static class SetupCache
{
    /// <summary>Written first into an entry: the folder is ConvSpec's, and may be removed when it was left unfinished.</summary>
    private const string StartedMarker = ".convspec-setup";

    /// <summary>Written last: the entry is whole.</summary>
    private const string CompleteMarker = "complete.txt";

    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// What an entry depends on: the suite's files (<see cref="SuiteFingerprint"/>), the grader's own build (the
    /// grading assembly's module version id, which changes with its code) and the .NET runtime.
    /// </summary>
    public static string Key(string suiteRoot)
    {
        string grader = typeof(SetupCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        string text = string.Create(CultureInfo.InvariantCulture, $"convspec-setup 1\0{SuiteFingerprint.Of(suiteRoot, "")}\0{grader}\0{Environment.Version}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The entry for <paramref name="suiteRoot"/> in <paramref name="cacheFolder"/>, built by <paramref name="build"/> when it is not complete yet.</summary>
    public static async Task<string> ObtainAsync(string cacheFolder, string suiteRoot, Func<string, Task> build, TextWriter log, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(log);
        string folder = Path.GetFullPath(cacheFolder);
        EnsurePrivate(folder);
        string key = Key(suiteRoot);
        string entry = Path.Combine(folder, key);
        using var held = await LockAsync(Path.Combine(folder, key + ".lock"), log, cancel).ConfigureAwait(false);
        PathKind kind = PathKinds.Of(entry);
        if (kind == PathKind.Directory && File.Exists(Path.Combine(entry, CompleteMarker)))
        {
            log.WriteLine($"grade: using the pristine suite built earlier in the setup cache ({entry}): the suite and the grader are unchanged");
            return entry;
        }
        if (kind != PathKind.Missing)
        {
            if (kind != PathKind.Directory || !File.Exists(Path.Combine(entry, StartedMarker)))
                throw new IOException($"{entry} is in the way of the setup cache and was not made by ConvSpec; move it away or give another --setup-cache folder.");
            log.WriteLine($"grade: the setup cache's entry {entry} was left unfinished by a run that stopped; building it again");
            Directory.Delete(entry, recursive: true);
        }
        CreatePrivate(entry);
        await File.WriteAllTextAsync(Path.Combine(entry, StartedMarker), "A pristine suite built by `convspec grade --setup-cache`.\n", cancel).ConfigureAwait(false);
        log.WriteLine($"grade: building the pristine suite into the setup cache ({entry}); later runs of this suite use it");
        await build(entry).ConfigureAwait(false);
        AtomicFile.WriteAllBytes(Path.Combine(entry, CompleteMarker), Encoding.UTF8.GetBytes($"complete {DateTime.UtcNow:O}\n"));
        return entry;
    }

    /// <summary>Makes <paramref name="folder"/> (mode 0700) or checks that it is a folder of this user's that no one else can read or change.</summary>
    private static void EnsurePrivate(string folder)
    {
        if (PathKinds.Of(folder) == PathKind.Missing) CreatePrivate(folder);
        if (PathKinds.Of(folder) != PathKind.Directory)
            throw new IOException($"the setup cache {folder} is not a folder (a link or a file is there); give a folder to keep the grader's builds in.");
        if (PathKinds.OwnerAndPermissions(folder) is not var (owner, permissions) || PathKinds.EffectiveUser() is not uint user) return;
        if (owner != user || (permissions & ~(Private | UnixFileMode.SetUser | UnixFileMode.SetGroup | UnixFileMode.StickyBit)) != 0)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture,
                $"the setup cache {folder} belongs to user {owner} with mode {Convert.ToString((int)permissions, 8)}, but it must belong to the grading user ({user}) and be private to it (mode 700): "
                + $"the grader runs the builds it keeps, and they hold the reference solution and the hidden specs. Run `chmod 700 {folder}` if it is yours, or give another folder."));
        }
    }

    private static void CreatePrivate(string folder)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, Private);
    }

    /// <summary>An exclusive lock on <paramref name="path"/> (flock, through FileShare.None), waited for while another run holds it.</summary>
    private static async Task<FileStream> LockAsync(string path, TextWriter log, CancellationToken cancel)
    {
        bool said = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!said) log.WriteLine("grade: waiting for another grading run that is building the same pristine suite into the setup cache");
                said = true;
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancel).ConfigureAwait(false);
            }
        }
    }
}
