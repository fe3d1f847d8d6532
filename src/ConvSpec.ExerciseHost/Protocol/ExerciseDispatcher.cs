using System.Reflection;
using System.Text.Json;
using ConvSpec.Exercises;

namespace ConvSpec.ExerciseHost.Protocol;

/// <summary>
/// The exercise host's side of a call: reads the request, calls the <see cref="IExerciseCode"/> method it
/// names with its arguments, and writes the result or the exception the submission threw.
/// </summary>
public static class ExerciseDispatcher
{
    private const int StackFrames = 6;

    public static string Handle(string requestLine, IExerciseCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        ExerciseRequest? request = null;
        MethodInfo method;
        object?[] arguments;
        try
        {
            request = JsonSerializer.Deserialize<ExerciseRequest>(requestLine, ExerciseJson.Options)
                ?? throw new JsonException("the request is null.");
            method = typeof(IExerciseCode).GetMethod(request.Method)
                ?? throw new JsonException($"{nameof(IExerciseCode)} has no method {request.Method}.");
            ParameterInfo[] parameters = method.GetParameters();
            if (parameters.Length != request.Arguments.Length)
                throw new JsonException($"{request.Method} takes {parameters.Length} argument(s), not {request.Arguments.Length}.");
            arguments = parameters.Select((p, n) => request.Arguments[n].Deserialize(p.ParameterType, ExerciseJson.Options)).ToArray();
        }
        catch (JsonException e)
        {
            return Answer(new ExerciseResponse(request?.Id ?? -1, null, new ExerciseError("ProtocolError", "unreadable request: " + e.Message, "")));
        }

        try
        {
            object? result = method.Invoke(code, arguments);
            return Answer(new ExerciseResponse(request.Id, JsonSerializer.SerializeToElement(result, method.ReturnType, ExerciseJson.Options), null));
        }
        catch (TargetInvocationException e) when (e.InnerException is { } thrown)
        {
            return Answer(new ExerciseResponse(request.Id, null, Describe(thrown)));
        }
    }

    public static string Ready() => Answer(new ExerciseResponse(ExerciseResponse.ReadyId, null, null));

    private static string Answer(ExerciseResponse response) => JsonSerializer.Serialize(response, ExerciseJson.Options);

    /// <summary>
    /// The exception as a student would read it: the frames from the throw up to where the host called the
    /// submission. The frames above (reflection, whose stubs change after a few calls, and the host) are the same
    /// for every submission and would make the same failure read differently from run to run.
    /// </summary>
    private static ExerciseError Describe(Exception thrown)
    {
        var frames = (thrown.StackTrace ?? "").Split('\n')
            .Select(line => line.TrimEnd())
            .TakeWhile(line => !line.Contains(" System.Reflection.", StringComparison.Ordinal)
                && !line.Contains(" InvokeStub_", StringComparison.Ordinal)
                && !line.Contains(" System.RuntimeMethodHandle.", StringComparison.Ordinal)
                && !line.Contains(" ConvSpec.Exercises.LibraryExerciseCode.", StringComparison.Ordinal)
                && !line.Contains(" ConvSpec.ExerciseHost.", StringComparison.Ordinal))
            .Where(line => line.Length > 0)
            .Take(StackFrames);
        return new ExerciseError(thrown.GetType().FullName ?? thrown.GetType().Name, thrown.Message, string.Join("\n", frames));
    }
}
