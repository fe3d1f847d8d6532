using ConvSpec.Grading.Grade.Isolation;
using ConvSpec.Grading.Grade.Remote;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Grading.Grade;

/// <summary>
/// One run of the graded specs: the pristine test assembly, run outside the sandbox because it holds no student
/// code, with its calls going to the submission's exercise hosts (<see cref="ExerciseHostSettings"/>, <see cref="ExerciseRoutes"/>). Its report is written
/// by that trusted process into a folder the exercise host cannot see.
/// </summary>
internal static class GradedSpecRun
{
    /// <param name="report">The runner's report switch and file, e.g. ("-result-trx", ".../all.trx").</param>
    /// <param name="routes">Which exercises another build of the submission answers, and the file to write that to.</param>
    public static async Task<RunOutcome> RunAsync(string testOutput, ExerciseHostSettings host, string settingsFile, (string Switch, string File) report,
        (ExerciseRoutes Routes, string File)? routes = null, CancellationToken cancel = default)
    {
        host.Save(settingsFile);
        var environment = new Dictionary<string, string>(Dotnet.Environment)
        {
            [ExerciseHostSettings.EnvironmentVariable] = settingsFile,
            [RemoteExercises.AssemblyVariable] = typeof(RemoteExercises).Assembly.Location,
        };
        if (routes is var (table, file))
        {
            table.Save(file);
            environment[ExerciseRoutes.EnvironmentVariable] = file;
        }
        return await LimitedProcess.RunAsync("dotnet", ["exec", GradingLayout.GradedAssembly, "-noLogo", "-noColor", report.Switch, report.File],
            testOutput, environment, new RunLimits(host.Budget + GradeOptions.TestRunOverhead), cancel).ConfigureAwait(false);
    }
}
