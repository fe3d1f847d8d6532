using ConvSpec.Exercises;

namespace ConvSpec.Grading.Grade.Remote;

/// <summary>
/// The entry point through which the graded specs reach a submission when `convspec grade` runs them. The spec
/// project does not reference the grader (it ships in the student's starter, the grader does not), so its fixture
/// loads this assembly from the path in <see cref="AssemblyVariable"/> and calls <see cref="Open"/>.
/// </summary>
public static class RemoteExercises
{
    /// <summary>Names this assembly's file for the graded specs' fixture.</summary>
    public const string AssemblyVariable = "CONVSPEC_GRADING_ASSEMBLY";

    /// <summary>
    /// The submission's exercise code behind proxies: <c>Route(testClass, exercise)</c> gives the one that answers a
    /// spec of that class (full name) and exercise (<see cref="ExerciseRouter"/>); dispose the channel when the specs are done.
    /// </summary>
    public static (Func<string, string, IExerciseCode> Route, IDisposable Channel) Open()
    {
        var settings = ExerciseHostSettings.FromEnvironment()
            ?? throw new InvalidOperationException($"{AssemblyVariable} is set but {ExerciseHostSettings.EnvironmentVariable} is not.");
        var router = new ExerciseRouter(settings, ExerciseRoutes.FromEnvironment());
        return (router.For, router);
    }
}
