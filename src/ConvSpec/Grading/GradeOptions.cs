using ConvSpec.Grading.Intake;

namespace ConvSpec.Grading;

/// <summary>
/// Settings of one grading run. <see cref="TestTimeout"/> limits each spec when specs run one process each,
/// and the whole-suite run gets three times it; <see cref="StudentTimeout"/> caps all of one student's test runs.
/// </summary>
public sealed record GradeOptions(
    string SuiteRoot,
    string SubmissionsDir,
    string OutDir,
    TimeSpan TestTimeout,
    TimeSpan StudentTimeout,
    int Parallel,
    string SandboxMode,
    IntakeLimits Limits)
{
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);
}
