using System.Reflection;
using ConvSpec.Exercises;

[assembly: AssemblyFixture(typeof(ConvSpec.Tests.Graded.ExerciseCodeFixture))]

// One spec at a time. The CNN specs seed torch's one global generator before building a network, which a
// spec running beside them would disturb; and when grading, the calls go to the submission's exercise hosts in
// turn anyway, so a fixed order makes each host's history, and what a failed call reports, the same on every run.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace ConvSpec.Tests.Graded;

/// <summary>
/// The exercise code the graded specs check. When a student or CI runs them, that is the library built with
/// them, called in this process. When `convspec grade` runs them, it names its own grading assembly in
/// CONVSPEC_GRADING_ASSEMBLY, and the code is a submission's, in a sandboxed process of its own: every call
/// crosses to it and only the answer comes back, so every verdict is reached here, where no student code runs
/// (docs/grading.md). The grader picks the process for each spec from the spec's class and exercise (hidden specs
/// and exercises graded on the reference answers of what they build on have processes of their own), so
/// <see cref="Code"/> asks it for the spec running now. The grader is loaded by path because this project ships
/// in the student's starter, which holds no grader.
/// </summary>
public sealed class ExerciseCodeFixture : IDisposable
{
    private const string GradingAssemblyVariable = "CONVSPEC_GRADING_ASSEMBLY";
    private const string RemoteEntryPoint = "ConvSpec.Grading.Grade.Remote.RemoteExercises";

    private readonly IExerciseCode? _local;
    private readonly Func<string, string, IExerciseCode>? _route;
    private readonly IDisposable? _channel;

    public ExerciseCodeFixture()
    {
        string? grading = Environment.GetEnvironmentVariable(GradingAssemblyVariable);
        if (string.IsNullOrEmpty(grading))
        {
            _local = new LibraryExerciseCode();
            return;
        }
        MethodInfo open = Assembly.LoadFrom(grading).GetType(RemoteEntryPoint, throwOnError: true)!.GetMethod("Open")
            ?? throw new InvalidOperationException($"{grading} has no {RemoteEntryPoint}.Open.");
        (_route, _channel) = ((Func<string, string, IExerciseCode>, IDisposable))open.Invoke(null, null)!;
    }

    /// <summary>The exercise code that answers the spec running now.</summary>
    public IExerciseCode Code => _local ?? _route!(
        TestContext.Current.TestClass?.TestClassName ?? "",
        TestContext.Current.Test?.Traits.GetValueOrDefault("Exercise")?.FirstOrDefault() ?? "");

    public void Dispose() => _channel?.Dispose();
}
