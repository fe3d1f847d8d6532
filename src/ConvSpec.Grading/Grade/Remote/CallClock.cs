using System.Diagnostics;
using ConvSpec.Grading.Grade.Isolation;

namespace ConvSpec.Grading.Grade.Remote;

/// <summary>
/// Times one call against its <see cref="CallLimit"/>: CPU time from the host's control group, and the wall
/// clock. Without a group (or where it does not account CPU time) the wall clock is held to the CPU limit instead,
/// the strictest reading of the same limit.
/// </summary>
internal sealed class CallClock
{
    private readonly CallLimit limit;
    private readonly ControlGroup? group;
    private readonly TimeSpan? cpuAtStart;
    private readonly Stopwatch wall = Stopwatch.StartNew();

    public CallClock(CallLimit limit, ControlGroup? group)
    {
        this.limit = limit;
        cpuAtStart = group?.CpuTime();
        this.group = cpuAtStart is null ? null : group;
    }

    /// <summary>Null while the call is within its limit; otherwise what it overran, finishing "{call} …".</summary>
    public string? OverLimit()
    {
        if (group is null)
            return wall.Elapsed > limit.Cpu ? $"did not answer within {CallLimit.Seconds(limit.Cpu)}" : null;
        if (group.CpuTime() - cpuAtStart > limit.Cpu) return $"used more than {CallLimit.Seconds(limit.Cpu)} of CPU time";
        return wall.Elapsed > limit.Wall ? $"did not answer within {CallLimit.Seconds(limit.Wall)}" : null;
    }
}
