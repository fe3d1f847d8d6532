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
    private readonly CallLimit _limit;
    private readonly ControlGroup? _group;
    private readonly TimeSpan? _cpuAtStart;
    private readonly Stopwatch _wall = Stopwatch.StartNew();

    public CallClock(CallLimit limit, ControlGroup? group)
    {
        _limit = limit;
        _cpuAtStart = group?.CpuTime();
        _group = _cpuAtStart is null ? null : group;
    }

    /// <summary>Null while the call is within its limit; otherwise what it overran, finishing "{call} …".</summary>
    public string? OverLimit()
    {
        if (_limit.BudgetLeft is { } left && _wall.Elapsed > left)
            return $"ran past the end of this submission's {CallLimit.Seconds(_limit.Budget)} of test time";
        if (_group is null)
            return _wall.Elapsed > _limit.Cpu ? $"did not answer within {CallLimit.Seconds(_limit.Cpu)}" : null;
        if (_group.CpuTime() - _cpuAtStart > _limit.Cpu) return $"used more than {CallLimit.Seconds(_limit.Cpu)} of CPU time";
        return _wall.Elapsed > _limit.Wall ? $"did not answer within {CallLimit.Seconds(_limit.Wall)}" : null;
    }
}
