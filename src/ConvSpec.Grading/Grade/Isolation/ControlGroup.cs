using System.Globalization;

namespace ConvSpec.Grading.Grade.Isolation;

/// <summary>
/// How much memory, how many processes and threads, and how many CPUs one exercise host may use. The host
/// answering the graded specs for the reference solution peaked at 95 MiB (docs/performance.md), so 512 MiB
/// leaves five times that, and a runaway allocation reaches the limit within about a second.
/// </summary>
public sealed record ResourceLimits(long MemoryBytes = 512L * 1024 * 1024, int Processes = 256, int Cpus = 1)
{
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{MemoryBytes / (1024 * 1024)} MiB of memory, {Processes} processes and threads, {Cpus} CPU");
}

/// <summary>
/// A control group of the kernel that holds one exercise host and everything it starts, with
/// <see cref="ResourceLimits"/>: the only limit on native memory (libtorch's included) and on fork bombs.
/// Works with the v1 hierarchy (memory, pids, cpu controllers mounted under /sys/fs/cgroup) and with v2 where
/// this process's group delegates those controllers. <see cref="TryCreate"/> returns null, with the reason,
/// where neither is writable (not root, or a container that hides them); grading then says so.
/// </summary>
public sealed class ControlGroup : IDisposable
{
    private const string Root = "/sys/fs/cgroup";
    private readonly IReadOnlyList<string> _folders;
    private readonly string _oomFile;
    private readonly string? _cpuUsageFile;

    private ControlGroup(IReadOnlyList<string> folders, string oomFile, string? cpuUsageFile)
    {
        _folders = folders;
        _oomFile = oomFile;
        _cpuUsageFile = cpuUsageFile;
    }

    public static ControlGroup? TryCreate(string name, ResourceLimits limits, out string why)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var created = new List<string>();
        try
        {
            var memberships = Memberships();
            var group = memberships.ContainsKey("memory") && Directory.Exists(Path.Combine(Root, "memory"))
                ? CreateV1(name, limits, memberships, created)
                : CreateV2(name, limits, memberships, created);
            why = "";
            return group;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            foreach (string folder in created) TryRemove(folder);
            why = e.Message;
            return null;
        }
    }

    /// <summary>Whether a group with <paramref name="limits"/> can be made here (one is made and removed to find out), and if not, why.</summary>
    public static bool CanCreate(ResourceLimits limits, out string why)
    {
        using var probe = Probe(limits, out why);
        return probe is not null;
    }

    /// <summary>Whether a group made here accounts its CPU time, so that calls are limited in CPU time rather than on the wall clock.</summary>
    public static bool CanAccountCpu(ResourceLimits limits)
    {
        using var probe = Probe(limits, out _);
        return probe?.CpuTime() is not null;
    }

    private static ControlGroup? Probe(ResourceLimits limits, out string why) =>
        TryCreate($"convspec-probe-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}", limits, out why);

    /// <summary>The command that joins this group and then runs <paramref name="command"/> in its place, so that nothing it starts escapes.</summary>
    public List<string> Wrap(IReadOnlyList<string> command)
    {
        string joins = string.Join(" && ", _folders.Select(f => $"echo $$ > '{f}/cgroup.procs'"));
        return ["/bin/sh", "-c", joins + " && exec \"$@\"", "convspec-limits", .. command];
    }

    /// <summary>
    /// <paramref name="launch"/>, joining this group first. The join is done by a shell that runs with the grader's
    /// privileges, before the sandbox drops them, and is inherited by everything the command starts.
    /// </summary>
    public Launch Wrap(Launch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        return launch with { Command = Wrap(launch.Command) };
    }

    /// <summary>How many times the kernel has killed a process of this group for running out of memory.</summary>
    public long OutOfMemoryKills()
    {
        try
        {
            foreach (string line in File.ReadLines(_oomFile))
            {
                string[] parts = line.Split(' ');
                if (parts.Length == 2 && parts[0] == "oom_kill") return long.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
            // The group is gone; nothing more will be killed in it.
        }
        return 0;
    }

    /// <summary>
    /// The CPU time used so far by every process that has been in the group, those that have ended included;
    /// null where the kernel does not account it.
    /// </summary>
    public TimeSpan? CpuTime()
    {
        if (_cpuUsageFile is null) return null;
        try
        {
            if (_cpuUsageFile.EndsWith("cpuacct.usage", StringComparison.Ordinal))
                return TimeSpan.FromTicks(long.Parse(File.ReadAllText(_cpuUsageFile).Trim(), CultureInfo.InvariantCulture) / 100);
            foreach (string line in File.ReadLines(_cpuUsageFile))
            {
                string[] parts = line.Split(' ');
                if (parts.Length == 2 && parts[0] == "usage_usec") return TimeSpan.FromMicroseconds(long.Parse(parts[1], CultureInfo.InvariantCulture));
            }
        }
        catch (IOException)
        {
            // The group is gone.
        }
        return null;
    }

    /// <summary>Ends whatever is left in the group and removes it.</summary>
    public void Dispose()
    {
        foreach (string folder in _folders)
        {
            try
            {
                foreach (string pid in File.ReadAllLines(Path.Combine(folder, "cgroup.procs")))
                {
                    try { System.Diagnostics.Process.GetProcessById(int.Parse(pid, CultureInfo.InvariantCulture)).Kill(); }
                    catch (ArgumentException) { }
                    catch (InvalidOperationException) { }
                }
            }
            catch (IOException)
            {
                // Already gone.
            }
        }
        foreach (string folder in _folders) TryRemove(folder);
    }

    private static ControlGroup CreateV1(string name, ResourceLimits limits, Dictionary<string, string> memberships, List<string> created)
    {
        string Make(string controller)
        {
            if (!memberships.TryGetValue(controller, out string? parent))
                throw new InvalidOperationException($"this process is in no v1 {controller} control group.");
            string folder = Path.Combine(Root, controller) + parent.TrimEnd('/') + "/" + name;
            Directory.CreateDirectory(folder);
            created.Add(folder);
            return folder;
        }

        string memory = Make("memory");
        File.WriteAllText(Path.Combine(memory, "memory.limit_in_bytes"), limits.MemoryBytes.ToString(CultureInfo.InvariantCulture));
        string pids = Make("pids");
        File.WriteAllText(Path.Combine(pids, "pids.max"), limits.Processes.ToString(CultureInfo.InvariantCulture));
        string cpu = Make("cpu");
        File.WriteAllText(Path.Combine(cpu, "cpu.cfs_period_us"), "100000");
        File.WriteAllText(Path.Combine(cpu, "cpu.cfs_quota_us"), (limits.Cpus * 100000).ToString(CultureInfo.InvariantCulture));
        // cpuacct is often mounted together with cpu; where it is a hierarchy of its own, it needs a group there too.
        string? cpuacct = File.Exists(Path.Combine(cpu, "cpuacct.usage")) ? cpu
            : memberships.ContainsKey("cpuacct") && Directory.Exists(Path.Combine(Root, "cpuacct")) ? Make("cpuacct") : null;
        string[] folders = cpuacct is null || cpuacct == cpu ? [memory, pids, cpu] : [memory, pids, cpu, cpuacct];
        return new ControlGroup(folders, Path.Combine(memory, "memory.oom_control"), cpuacct is null ? null : Path.Combine(cpuacct, "cpuacct.usage"));
    }

    private static ControlGroup CreateV2(string name, ResourceLimits limits, Dictionary<string, string> memberships, List<string> created)
    {
        if (!memberships.TryGetValue("", out string? parent) || !File.Exists(Path.Combine(Root, "cgroup.controllers")))
            throw new InvalidOperationException("neither a v1 memory controller nor a v2 hierarchy is mounted at /sys/fs/cgroup.");
        string folder = Root + parent.TrimEnd('/') + "/" + name;
        Directory.CreateDirectory(folder);
        created.Add(folder);
        string[] controllers = File.ReadAllText(Path.Combine(folder, "cgroup.controllers")).Split(' ', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!controllers.Contains("memory") || !controllers.Contains("pids"))
            throw new InvalidOperationException($"the v2 group {parent} does not delegate the memory and pids controllers.");
        File.WriteAllText(Path.Combine(folder, "memory.max"), limits.MemoryBytes.ToString(CultureInfo.InvariantCulture));
        File.WriteAllText(Path.Combine(folder, "memory.swap.max"), "0");
        File.WriteAllText(Path.Combine(folder, "pids.max"), limits.Processes.ToString(CultureInfo.InvariantCulture));
        if (controllers.Contains("cpu"))
            File.WriteAllText(Path.Combine(folder, "cpu.max"), string.Create(CultureInfo.InvariantCulture, $"{limits.Cpus * 100000} 100000"));
        return new ControlGroup([folder], Path.Combine(folder, "memory.events"), Path.Combine(folder, "cpu.stat"));
    }

    /// <summary>This process's group per controller, from /proc/self/cgroup ("" is the v2 hierarchy).</summary>
    private static Dictionary<string, string> Memberships()
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines("/proc/self/cgroup"))
        {
            string[] parts = line.Split(':', 3);
            if (parts.Length != 3) continue;
            foreach (string controller in parts[1].Split(','))
                groups[controller] = parts[2];
        }
        return groups;
    }

    private static void TryRemove(string folder)
    {
        for (int attempt = 0; attempt < 20 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (IOException)
            {
                Thread.Sleep(50); // Its last processes are still exiting.
            }
        }
    }
}
