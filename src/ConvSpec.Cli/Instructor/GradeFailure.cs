using ConvSpec.Grading.Assign.Markers;
using ConvSpec.Grading.Grade.Isolation;

namespace ConvSpec.Cli.Instructor;

/// <summary>How `grade` and `grade prepare` end when grading cannot go on: one line on standard error and an exit code that says whose fault it is.</summary>
internal static class GradeFailure
{
    /// <summary>
    /// 2 where the instructor's input is at fault (the suite's markers, the folders, the setup cache, the machine's sandbox),
    /// 1 where the grader itself failed (the pristine suite does not build, or its specs fail on the solution); null for
    /// anything else, which is a bug and is not caught.
    /// </summary>
    public static int? ExitCode(Exception e) => e switch
    {
        SandboxUnavailableException or MarkerException or IOException or InvalidDataException => CommandLineRunner.UsageOrInputError,
        InvalidOperationException => 1,
        _ => null,
    };

    /// <summary>Says what went wrong on standard error, prefixed by the command, and gives back <paramref name="code"/>.</summary>
    public static int Report(string command, Exception e, int code)
    {
        ArgumentNullException.ThrowIfNull(e);
        Console.Error.WriteLine($"{command}: {e.Message}");
        return code;
    }
}
