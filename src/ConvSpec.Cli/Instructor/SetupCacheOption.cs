using System.CommandLine;

namespace ConvSpec.Cli.Instructor;

/// <summary>--setup-cache DIR: where `grade` and `grade prepare` keep the pristine suite's build between runs (docs/grading.md, "Grading again").</summary>
internal static class SetupCacheOption
{
    public static Option<DirectoryInfo?> Create(bool required) => new("--setup-cache")
    {
        Description = "Keep the pristine suite's build (graded specs, exercise host, starter library) in this folder and use it again while the suite and the grader "
            + "are unchanged; made private (mode 700) if missing, refused if others can read or change it.",
        HelpName = "DIR",
        Required = required,
    };
}
