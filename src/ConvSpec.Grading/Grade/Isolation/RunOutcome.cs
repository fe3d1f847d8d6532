namespace ConvSpec.Grading.Grade.Isolation;

/// <summary>Why a process ended.</summary>
public enum RunEnd
{
    Exited,
    TimedOut,
    TooMuchOutput,
}

/// <summary>
/// How a limited process ended: exit code (when it exited), the start of its output, and why.
/// <see cref="Describe"/> leaves the elapsed time out, so reports made from it are the same on every run.
/// </summary>
public sealed record RunOutcome(RunEnd End, int? ExitCode, string Output, TimeSpan Elapsed)
{
    public string Describe() => End switch
    {
        RunEnd.Exited => $"exited with code {ExitCode}",
        RunEnd.TimedOut => "was stopped at its time limit",
        RunEnd.TooMuchOutput => "stopped: it printed more output than allowed",
        _ => End.ToString(),
    };
}
