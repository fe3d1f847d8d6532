using System.Reflection;
using ConvSpec.Exercises;

namespace ConvSpec.Grading.Grade.Remote;

/// <summary>An <see cref="IExerciseCode"/> whose every call goes to a submission's exercise host through an <see cref="ExerciseHostClient"/>.</summary>
public class ExerciseProxy : DispatchProxy
{
    private ExerciseHostClient? _client;

    public static IExerciseCode Over(ExerciseHostClient _client)
    {
        IExerciseCode proxy = Create<IExerciseCode, ExerciseProxy>();
        ((ExerciseProxy)(object)proxy)._client = _client;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        _client!.Call(targetMethod!, args ?? []);
}
