using System.Diagnostics;

namespace ConvSpec.Tests;

/// <summary>What a run of the real `convspec` program left behind.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Both streams, stdout first, as a person reading the terminal would want them in a failure message.</summary>
    public string Output => Stdout + Stderr;

    /// <summary>This result, or an exception naming <paramref name="command"/> and its output when it exited with non-zero.</summary>
    public CliResult EnsureSuccess(string command) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{command} exited with {ExitCode}:\n{Output}");
}

/// <summary>
/// Runs the built CLI (src/ConvSpec.Cli, same configuration as the running specs) as a separate
/// process, as a script or a user would. Test projects reference the CLI project so it is built first.
/// <see cref="RunProgram"/> runs any other program the same way (`dotnet build` in a starter, say).
/// </summary>
public static class CliProcess
{
    public static string DllPath { get; } = FindDll();

    public static CliResult Run(string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunProgram("dotnet", workingDirectory, timeout, [DllPath, .. args]);

    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, TimeSpan.FromMinutes(2), args);

    /// <summary>Runs <paramref name="fileName"/> to its end; past <paramref name="timeout"/> its process tree is killed and a TimeoutException names it.</summary>
    public static CliResult RunProgram(string fileName, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(), stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:F0} s.");
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindDll()
    {
        // The specs run from tests/<Project>/bin/<Configuration>/<framework>/; the CLI builds into the same configuration.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = output.Name, configuration = output.Parent!.Name;
        string dll = Path.Combine(RepositoryFiles.Root, "src", "ConvSpec.Cli", "bin", configuration, framework, "ConvSpec.Cli.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"the CLI is not built at {dll}; build the solution first.", dll);
    }
}
