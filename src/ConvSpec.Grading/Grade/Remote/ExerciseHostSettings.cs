using System.Text.Json;
using System.Text.Json.Serialization;
using ConvSpec.ExerciseHost.Protocol;
using ConvSpec.Grading.Grade.Isolation;

namespace ConvSpec.Grading.Grade.Remote;

/// <summary>
/// How the graded specs reach a submission when `convspec grade` runs them: where its exercise host is, the
/// sandbox (bubblewrap at <see cref="BubblewrapPath"/>, or none where it is null) and the folders it hides, and the limits. The grader writes these settings to a file and names it
/// in <see cref="EnvironmentVariable"/>; without it the specs call the library in their own process.
/// </summary>
public sealed record ExerciseHostSettings(
    string HostAssembly,
    string? BubblewrapPath,
    double CallTimeoutSeconds,
    double BudgetSeconds,
    ResourceLimits Limits)
{
    public const string EnvironmentVariable = "CONVSPEC_EXERCISE_HOST";

    /// <summary>What the host may print (its stdout is the protocol; this is stderr) before it is stopped.</summary>
    public const long MaxOutputBytes = 8L * 1024 * 1024;

    /// <summary>How long the host may take to start, load the submission and libtorch.</summary>
    public static readonly CallLimit StartLimit = CallLimit.OfCpu(TimeSpan.FromSeconds(30));

    /// <summary>How long each call may take: <see cref="CallTimeoutSeconds"/> of CPU time.</summary>
    [JsonIgnore]
    public CallLimit CallLimit => CallLimit.OfCpu(TimeSpan.FromSeconds(CallTimeoutSeconds));

    [JsonIgnore]
    public TimeSpan Budget => TimeSpan.FromSeconds(BudgetSeconds);

    public static ExerciseHostSettings? FromEnvironment()
    {
        string? path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(path)) return null;
        return JsonSerializer.Deserialize<ExerciseHostSettings>(File.ReadAllText(path), ExerciseJson.Options)
            ?? throw new InvalidOperationException($"{path} ({EnvironmentVariable}) holds no settings.");
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, ExerciseJson.Options));
}
