using ConvSpec.Grading.Grade.Intake;

namespace ConvSpec.Grading.Grade;

/// <summary>
/// Settings of one grading run. <see cref="CallTimeout"/> is the CPU time each call into a submission's code may
/// use (<see cref="Remote.CallLimit"/>: a spec whose call runs past it fails, and the submission's process is
/// replaced); <see cref="StudentTimeout"/> caps the wall-clock time all of one submission's calls may take.
/// </summary>
public sealed record GradeOptions(
    string SuiteRoot,
    string SubmissionsDir,
    string OutDir,
    TimeSpan CallTimeout,
    TimeSpan StudentTimeout,
    int Parallel,
    string SandboxMode,
    IntakeLimits Limits)
{
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    /// <summary>What the trusted test run may take beyond the submission's own budget: start-up, the reference answers and the report.</summary>
    public static readonly TimeSpan TestRunOverhead = TimeSpan.FromMinutes(2);
}
