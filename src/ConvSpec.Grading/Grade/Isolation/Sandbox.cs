namespace ConvSpec.Grading.Grade.Isolation;

/// <summary>How student code is contained; see docs/grading.md, "Isolation and threat model".</summary>
public enum SandboxKind
{
    /// <summary>bubblewrap: no network, read-only system, other students' files hidden, size-limited /tmp.</summary>
    Bubblewrap,

    /// <summary>No sandbox: only the time, output and disk-watch limits apply.</summary>
    None,
}

/// <summary>
/// Wraps a command so that it runs with no network, a read-only view of the system, the grading folders
/// (every workspace, the submissions, the suite) hidden behind empty tmpfs mounts, the student's own folder
/// read-only, and a 64 MiB /tmp as home. Without bubblewrap the command runs as is.
/// </summary>
public sealed class Sandbox
{
    public const long ScratchBytes = 64L * 1024 * 1024;

    private Sandbox(SandboxKind kind, string? bwrapPath)
    {
        Kind = kind;
        BwrapPath = bwrapPath;
    }

    public SandboxKind Kind { get; }

    public string? BwrapPath { get; }

    public string Describe() => Kind == SandboxKind.Bubblewrap
        ? $"bubblewrap ({BwrapPath}): no network, read-only system, other submissions hidden, /tmp limited to {ScratchBytes / (1024 * 1024)} MiB"
        : "NONE: bubblewrap was not found or not wanted, so student code runs unconfined except for time, output and disk-watch limits (docs/grading.md)";

    /// <summary>The sandbox a grader already chose, for the processes that start student code on its behalf: bubblewrap at that path, or none.</summary>
    public static Sandbox Chosen(string? bwrapPath) =>
        bwrapPath is null ? new Sandbox(SandboxKind.None, null) : new Sandbox(SandboxKind.Bubblewrap, bwrapPath);

    /// <summary>auto: bubblewrap when it is on PATH and works; bwrap: require it; none: run unconfined.</summary>
    public static Sandbox Choose(string mode)
    {
        if (mode == "none") return new Sandbox(SandboxKind.None, null);
        string? bwrap = FindOnPath("bwrap");
        if (bwrap is not null && Works(bwrap)) return new Sandbox(SandboxKind.Bubblewrap, bwrap);
        if (mode == "bwrap")
            throw new InvalidOperationException("--sandbox bwrap was asked for, but bubblewrap is missing or cannot create namespaces here (on Debian: apt-get install bubblewrap).");
        return new Sandbox(SandboxKind.None, null);
    }

    /// <summary>
    /// The command line that runs <paramref name="command"/> inside the sandbox, in <paramref name="readOnlyFolder"/>,
    /// with <paramref name="writableFolder"/> (if any) the only place on disk it can write.
    /// </summary>
    public List<string> Wrap(IReadOnlyList<string> command, string readOnlyFolder, string? writableFolder, IEnumerable<string> hiddenFolders)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Kind == SandboxKind.None) return [.. command];
        var args = new List<string>
        {
            BwrapPath!,
            "--ro-bind", "/", "/",
            "--dev", "/dev",
            "--proc", "/proc",
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
        };
        foreach (string hidden in hiddenFolders.Where(Directory.Exists).Distinct(StringComparer.Ordinal).OrderBy(h => h.Length))
            args.AddRange(["--tmpfs", hidden]);
        args.AddRange(["--size", ScratchBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tmpfs", "/tmp"]);
        args.AddRange(["--ro-bind", readOnlyFolder, readOnlyFolder]);
        if (writableFolder is not null) args.AddRange(["--bind", writableFolder, writableFolder]);
        args.AddRange(["--setenv", "HOME", "/tmp", "--setenv", "TMPDIR", "/tmp", "--chdir", readOnlyFolder, "--"]);
        args.AddRange(command);
        return args;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    private static bool Works(string bwrap)
    {
        try
        {
            var probe = LimitedProcess.RunAsync(bwrap, ["--ro-bind", "/", "/", "--unshare-all", "--", "true"], "/", null,
                new RunLimits(TimeSpan.FromSeconds(20))).GetAwaiter().GetResult();
            return probe is { End: RunEnd.Exited, ExitCode: 0 };
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
