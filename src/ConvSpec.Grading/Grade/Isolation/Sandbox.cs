using System.Globalization;

namespace ConvSpec.Grading.Grade.Isolation;

/// <summary>How student code is contained; see docs/grading.md, "Threat model".</summary>
public enum SandboxKind
{
    /// <summary>bubblewrap: no capabilities, an unprivileged user, no network, nothing of the machine but its system files and the student's own folder.</summary>
    Bubblewrap,

    /// <summary>No sandbox, for trusted code only: only the time, output and resource limits apply.</summary>
    None,
}

/// <summary>
/// Confines a command with bubblewrap: new user, PID, network, IPC, UTS and cgroup namespaces, every capability
/// dropped, the unprivileged uid/gid 65534 inside, a cleared environment, its own session, ended with its parent.
/// Its root is an empty tmpfs holding only the system's programs and libraries (/usr and its links), /proc, a
/// minimal /dev, a size-limited /tmp and the folders of <see cref="SandboxPaths"/>: no /etc beyond the loader's
/// cache, no /run, no home folders, nothing of the grader's. Without bubblewrap the command runs as is, with the
/// same cleared environment.
/// </summary>
public sealed class Sandbox
{
    public const long ScratchBytes = 64L * 1024 * 1024;

    /// <summary>The user and group a sandboxed process runs as: the conventional "nobody".</summary>
    public const int UnprivilegedId = 65534;

    private static readonly string[] SystemLinks = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    private Sandbox(SandboxKind kind, string? bwrapPath)
    {
        Kind = kind;
        BwrapPath = bwrapPath;
    }

    public SandboxKind Kind { get; }

    public string? BwrapPath { get; }

    /// <summary>The dotnet program (its real path, so that it resolves inside the sandbox without PATH).</summary>
    public static string DotnetMuxer { get; } = FindDotnet();

    public string Describe() => Kind == SandboxKind.Bubblewrap
        ? string.Create(CultureInfo.InvariantCulture,
            $"bubblewrap ({BwrapPath}): no capabilities, uid/gid {UnprivilegedId} in a user namespace, no network, a cleared environment, only the system's libraries, the .NET runtime and the submission's own build mounted (read-only), /tmp limited to {ScratchBytes / (1024 * 1024)} MiB")
        : "NONE (--sandbox none): student code runs unconfined except for time, output and resource limits; use it only for trusted code (docs/grading.md)";

    /// <summary>The sandbox a grader already chose, for the processes that start student code on its behalf: bubblewrap at that path, or none.</summary>
    public static Sandbox Chosen(string? bwrapPath) =>
        bwrapPath is null ? new Sandbox(SandboxKind.None, null) : new Sandbox(SandboxKind.Bubblewrap, bwrapPath);

    /// <summary>
    /// Bubblewrap, which must be on PATH and able to make namespaces here, or none when that is asked for explicitly.
    /// </summary>
    /// <exception cref="SandboxUnavailableException">Bubblewrap is asked for but cannot confine anything here.</exception>
    public static Sandbox Choose(SandboxKind kind)
    {
        if (kind == SandboxKind.None) return new Sandbox(SandboxKind.None, null);
        string? bwrap = FindOnPath("bwrap");
        string? why = bwrap is null ? "bubblewrap (bwrap) is not on PATH" : Works(new Sandbox(SandboxKind.Bubblewrap, bwrap));
        if (why is null) return new Sandbox(SandboxKind.Bubblewrap, bwrap);
        throw new SandboxUnavailableException(
            $"refusing to run student code unconfined: {why}. Install bubblewrap (Debian: apt-get install bubblewrap) on a kernel that allows user namespaces, or pass --sandbox none for trusted code only.");
    }

    /// <summary>
    /// The launch of <paramref name="command"/> confined to <paramref name="paths"/>, with only <paramref name="environment"/>
    /// and the few variables every process needs (PATH, HOME and TMPDIR at /tmp, and <see cref="DotnetVariables.Common"/>).
    /// </summary>
    public Launch Confine(IReadOnlyList<string> command, SandboxPaths paths, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(environment);
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/bin:/bin",
            ["HOME"] = "/tmp",
            ["TMPDIR"] = "/tmp",
        };
        foreach (var (name, value) in DotnetVariables.Common.Concat(environment)) variables[name] = value;
        if (Kind == SandboxKind.None) return new Launch(command, paths.WorkingDirectory, variables, CleanEnvironment: true);

        string id = UnprivilegedId.ToString(CultureInfo.InvariantCulture);
        var args = new List<string>
        {
            BwrapPath!,
            "--unshare-all", "--unshare-user", "--uid", id, "--gid", id,
            "--cap-drop", "ALL",
            "--die-with-parent", "--new-session", "--clearenv",
            "--ro-bind", "/usr", "/usr",
        };
        foreach (string link in SystemLinks)
        {
            var info = new FileInfo(link);
            if (info.LinkTarget is { } target) args.AddRange(["--symlink", target, link]);
            else if (Directory.Exists(link)) args.AddRange(["--ro-bind", link, link]);
        }
        if (File.Exists("/etc/ld.so.cache")) args.AddRange(["--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache"]);
        args.AddRange(["--proc", "/proc", "--dev", "/dev"]);
        args.AddRange(["--size", ScratchBytes.ToString(CultureInfo.InvariantCulture), "--tmpfs", "/tmp"]);
        string dotnetRoot = Path.GetDirectoryName(DotnetMuxer)!;
        if (!dotnetRoot.StartsWith("/usr/", StringComparison.Ordinal)) args.AddRange(["--ro-bind", dotnetRoot, dotnetRoot]);
        foreach (string path in paths.ReadOnly.Distinct(StringComparer.Ordinal)) args.AddRange(["--ro-bind", path, path]);
        foreach (string path in paths.Writable.Distinct(StringComparer.Ordinal)) args.AddRange(["--bind", path, path]);
        foreach (var (name, value) in variables) args.AddRange(["--setenv", name, value]);
        args.AddRange(["--chdir", paths.WorkingDirectory, "--"]);
        args.AddRange(command);
        return new Launch(args, "/", new Dictionary<string, string>(), CleanEnvironment: true);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    private static string FindDotnet()
    {
        string? path = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
            : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
            : FindOnPath("dotnet");
        if (path is null) return "dotnet";
        return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
    }

    /// <summary>Null when a confined `true` runs here; otherwise why not.</summary>
    private static string? Works(Sandbox sandbox)
    {
        string tool = File.Exists("/usr/bin/true") ? "/usr/bin/true" : "/bin/true";
        try
        {
            var launch = sandbox.Confine([tool], new SandboxPaths("/", [], []), new Dictionary<string, string>());
            var probe = LimitedProcess.RunAsync(launch, new RunLimits(TimeSpan.FromSeconds(20))).GetAwaiter().GetResult();
            return probe is { End: RunEnd.Exited, ExitCode: 0 } ? null
                : $"bubblewrap cannot make an unprivileged sandbox here ({probe.Describe()}: {probe.Output.Trim()})";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"bubblewrap could not be started ({e.Message})";
        }
    }
}
