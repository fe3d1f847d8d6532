using ConvSpec.Grading.Grade.Isolation;

namespace ConvSpec.Grading.Grade;

/// <summary>Runs the dotnet CLI for the trusted steps (builds of the pristine suite); student sources are compiled by <see cref="LibraryCompiler"/>, confined.</summary>
internal static class Dotnet
{
    /// <summary><see cref="DotnetVariables.Common"/>, and MSBuild without worker nodes that would outlive the build.</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment =
        new Dictionary<string, string>(DotnetVariables.Common) { ["MSBUILDDISABLENODEREUSE"] = "1" };

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
