namespace ConvSpec.Grading.Grade.Isolation;

/// <summary>
/// The environment every .NET process the grader starts runs with, trusted (<see cref="Dotnet"/>'s builds and test hosts)
/// or confined (<see cref="Sandbox"/>'s compilers and exercise hosts).
/// </summary>
internal static class DotnetVariables
{
    public static readonly IReadOnlyDictionary<string, string> Common = new Dictionary<string, string>
    {
        // Quiet, and without the CLI's first-run banners or telemetry.
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        // Every one of them is short-lived (a build, a compile, a test host, an exercise host): the instrumented tier of
        // profile-guided optimisation costs more than it pays back. About 9 % less CPU per student (docs/performance.md,
        // benchmarks/grading-cpu-ab.sh).
        ["DOTNET_TieredPGO"] = "0",
        // Graders run side by side on few cores, and an exercise host has one CPU's quota: libtorch's OpenMP threads sleep
        // at a barrier instead of spinning on CPU another process needs. It never changes what they compute.
        ["OMP_WAIT_POLICY"] = "PASSIVE",
    };
}
