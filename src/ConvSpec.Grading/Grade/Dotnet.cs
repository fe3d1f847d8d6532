using ConvSpec.Grading.Grade.Isolation;

namespace ConvSpec.Grading.Grade;

/// <summary>Runs the dotnet CLI for the trusted steps (builds of the pristine suite); student sources are compiled by <see cref="LibraryCompiler"/>, confined.</summary>
internal static class Dotnet
{
    /// <summary>Quiet, and without the CLI's first-run banners or telemetry.</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        // Every process here is short-lived (a build, a compile, a test host, an exercise host): the instrumented tier of
        // profile-guided optimisation costs more than it pays back. About 9 % less CPU per student (docs/performance.md, benchmarks/grading-cpu-ab.sh).
        ["DOTNET_TieredPGO"] = "0",
        // Graders run side by side on few cores: libtorch's OpenMP threads (the test host computes reference answers with
        // it) sleep at a barrier instead of spinning on a core another process needs; it never changes what they compute.
        ["OMP_WAIT_POLICY"] = "PASSIVE",
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };

    public static Task<RunOutcome> BuildAsync(string project, string output, string workingDirectory, TimeSpan timeout, params string[] extra) =>
        BuildAsync(project, output, workingDirectory, timeout, extra, CancellationToken.None);

    public static Task<RunOutcome> BuildAsync(string project, string output, string workingDirectory, TimeSpan timeout, string[] extra, CancellationToken cancel)
    {
        var args = new List<string> { "build", project, "-o", output, "-nologo", "-v:q", "-clp:NoSummary", "-nodeReuse:false" };
        args.AddRange(extra);
        return LimitedProcess.RunAsync("dotnet", args, workingDirectory, Environment,
            new RunLimits(timeout, KeptOutputChars: 64 * 1024, MaxOutputBytes: 64L * 1024 * 1024), cancel);
    }

    /// <summary>The compiler's error lines, once each, with the workspace folder cut from their paths.</summary>
    public static IReadOnlyList<string> ErrorLines(string output, string workspace) =>
        output.Split('\n')
            .Where(line => line.Contains(": error ", StringComparison.Ordinal))
            .Select(line => line.Replace(workspace + "/", "", StringComparison.Ordinal).Trim())
            .Select(line => line.Contains(" [", StringComparison.Ordinal) ? line[..line.LastIndexOf(" [", StringComparison.Ordinal)] : line)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
