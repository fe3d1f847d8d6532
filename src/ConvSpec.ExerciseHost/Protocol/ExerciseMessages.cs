using System.Text.Json;

namespace ConvSpec.ExerciseHost.Protocol;

/// <summary>A call of one <see cref="IExerciseCode"/> method; <see cref="Id"/> pairs it with its answer.</summary>
public sealed record ExerciseRequest(long Id, string Method, JsonElement[] Arguments);

/// <summary>What the submission's method threw: the exception's type, message and the top of its stack.</summary>
public sealed record ExerciseError(string Type, string Message, string StackTop);

/// <summary>The answer to one request: its <see cref="Result"/>, or the <see cref="Error"/> the submission's code threw.</summary>
public sealed record ExerciseResponse(long Id, JsonElement? Result, ExerciseError? Error)
{
    /// <summary>The first line the host writes, once it has loaded the submission and is ready for calls.</summary>
    public const long ReadyId = 0;
}
