using System.Text.Json;

namespace ConvSpec.Grading.Grade.Remote;

/// <summary>
/// Which build of a submission answers which exercise's specs: the exercise host assembly for each exercise graded
/// with the reference answers of the exercises it builds on (docs/grading.md, "Each exercise on its own"). Exercises
/// not named here use the host of <see cref="ExerciseHostSettings.HostAssembly"/>. The grader writes the routes to a
/// file and names it in <see cref="EnvironmentVariable"/>.
/// </summary>
public sealed record ExerciseRoutes(IReadOnlyDictionary<string, string> HostAssemblyByExercise)
{
    public const string EnvironmentVariable = "CONVSPEC_EXERCISE_ROUTES";

    public static ExerciseRoutes None { get; } = new(new Dictionary<string, string>());

    public static ExerciseRoutes FromEnvironment()
    {
        string? path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(path)) return None;
        return JsonSerializer.Deserialize<ExerciseRoutes>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} ({EnvironmentVariable}) holds no routes.");
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this));
}
