using ConvSpec.Grading.Grade.Intake;
using ConvSpec.Grading.Grade.Isolation;
using ConvSpec.Grading.Grade.Reports;
using ConvSpec.Grading.Grade.Shards;

namespace ConvSpec.Grading.Grade;

/// <summary>
/// Settings of one grading run. <see cref="CallTimeout"/> is the CPU time each call into a submission's code may
/// use (<see cref="Remote.CallLimit"/>: a spec whose call runs past it fails, and the submission's process is
/// replaced); <see cref="StudentTimeout"/> caps the wall-clock time all of one submission's calls may take.
/// <see cref="KeepWork"/> leaves the private work area (builds, workspaces) in place after the run, for debugging.
/// <see cref="RosterPath"/> (--roster), <see cref="HiddenVisibility"/> (--hidden-visibility) and <see cref="Html"/>
/// (--html) change only the reports.
/// <see cref="Shard"/> grades one part of the class and adds the records `grade merge` joins (docs/grading.md, "Beyond one
/// machine"); <see cref="OneHandIn"/> reads <see cref="SubmissionsDir"/> as one student's hand-in, named after the folder
/// (Gradescope's /autograder/submission). <see cref="SetupCache"/> (--setup-cache) keeps the pristine suite's build between
/// runs (<see cref="Grade.SetupCache"/>).
/// </summary>
public sealed record GradeOptions(
    string SuiteRoot,
    string SubmissionsDir,
    string OutDir,
    TimeSpan CallTimeout,
    TimeSpan StudentTimeout,
    int Parallel,
    SandboxKind Sandbox,
    IntakeLimits Limits,
    bool KeepWork = false,
    string? RosterPath = null,
    Visibility HiddenVisibility = Visibility.AfterPublished,
    bool Html = false,
    Shard? Shard = null,
    bool OneHandIn = false,
    string? SetupCache = null)
{
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Wall-clock time one student's compilation may take; the library compiles in about 3 s of CPU time.</summary>
    public static readonly TimeSpan CompileTimeout = TimeSpan.FromSeconds(60);

    /// <summary>What the trusted test run may take beyond the submission's own budget: start-up, the reference answers and the report.</summary>
    public static readonly TimeSpan TestRunOverhead = TimeSpan.FromMinutes(2);
}
