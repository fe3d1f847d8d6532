using ConvSpec.Grading.Remote;

[assembly: AssemblyFixture(typeof(ConvSpec.Tests.Graded.ExerciseCodeFixture))]

// One spec at a time. The CNN specs seed torch's one global generator before building a network, which a
// spec running beside them would disturb; and when grading, every call goes to one exercise host in turn
// anyway, so a fixed order makes that host's history, and what a failed call reports, the same on every run.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace ConvSpec.Tests.Graded;

/// <summary>
/// The exercise code the graded specs check. When a student or CI runs them, that is the library built with
/// them, called in this process. When `convspec grade` runs them, it is a submission's code in a sandboxed
/// process of its own (<see cref="ExerciseHostSettings"/>): every call crosses to it and only the answer comes
/// back, so every verdict is reached here, where no student code runs (docs/grading.md).
/// </summary>
public sealed class ExerciseCodeFixture : IDisposable
{
    private readonly ExerciseHostClient? client;

    public ExerciseCodeFixture()
    {
        var settings = ExerciseHostSettings.FromEnvironment();
        if (settings is null)
        {
            Code = new LibraryExerciseCode();
            return;
        }
        client = new ExerciseHostClient(settings);
        Code = ExerciseProxy.Over(client);
    }

    public IExerciseCode Code { get; }

    public void Dispose() => client?.Dispose();
}
