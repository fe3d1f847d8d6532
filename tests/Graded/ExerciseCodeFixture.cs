using System.Reflection;
using ConvSpec.Exercises;

[assembly: AssemblyFixture(typeof(ConvSpec.Tests.Graded.ExerciseCodeFixture))]

// One spec at a time. The CNN specs seed torch's one global generator before building a network, which a
// spec running beside them would disturb; and when grading, every call goes to one exercise host in turn
// anyway, so a fixed order makes that host's history, and what a failed call reports, the same on every run.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace ConvSpec.Tests.Graded;

/// <summary>
/// The exercise code the graded specs check. When a student or CI runs them, that is the library built with
/// them, called in this process. When `convspec grade` runs them, it names its own grading assembly in
/// CONVSPEC_GRADING_ASSEMBLY, and the code is a submission's, in a sandboxed process of its own: every call
/// crosses to it and only the answer comes back, so every verdict is reached here, where no student code runs
/// (docs/grading.md). The grader is loaded by path because this project ships in the student's starter, which
/// holds no grader.
/// </summary>
public sealed class ExerciseCodeFixture : IDisposable
{
    private const string GradingAssemblyVariable = "CONVSPEC_GRADING_ASSEMBLY";
    private const string RemoteEntryPoint = "ConvSpec.Grading.Grade.Remote.RemoteExercises";

    private readonly IDisposable? _channel;

    public ExerciseCodeFixture()
    {
        string? grading = Environment.GetEnvironmentVariable(GradingAssemblyVariable);
        if (string.IsNullOrEmpty(grading))
        {
            Code = new LibraryExerciseCode();
            return;
        }
        MethodInfo open = Assembly.LoadFrom(grading).GetType(RemoteEntryPoint, throwOnError: true)!.GetMethod("Open")
            ?? throw new InvalidOperationException($"{grading} has no {RemoteEntryPoint}.Open.");
        (Code, _channel) = ((IExerciseCode, IDisposable))open.Invoke(null, null)!;
    }

    public IExerciseCode Code { get; }

    public void Dispose() => _channel?.Dispose();
}
