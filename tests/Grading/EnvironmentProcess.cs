using System.Diagnostics;

namespace ConvSpec.Tests.Grading;

/// <summary>
/// Runs a program (the built CLI, a bundle's script) with variables added to its environment, as a separate process:
/// a temporary folder of the spec's own (TMPDIR) or a fake autograder root, without changing this process's environment,
/// which specs running beside it share. <see cref="Interrupt"/> sends SIGINT, as Ctrl-C in a terminal does.
/// </summary>
internal static class EnvironmentProcess
{
    public static CliResult Run(string fileName, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        using var process = Start(fileName, environment, args);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(), stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:F0} s.");
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The CLI, run with <paramref name="environment"/> added.</summary>
    public static CliResult Cli(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args) =>
        Run("dotnet", environment, timeout, [CliProcess.DllPath, .. args]);

    /// <summary>
    /// Runs the CLI until a line of its standard output contains <paramref name="cue"/>, then sends SIGINT and waits
    /// for it to end; null when it ended before the cue.
    /// </summary>
    public static CliResult? Interrupt(IReadOnlyDictionary<string, string> environment, string cue, TimeSpan timeout, params string[] args)
    {
        using var process = Start("dotnet", environment, [CliProcess.DllPath, .. args]);
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        var seen = new System.Text.StringBuilder();
        var clock = Stopwatch.StartNew();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            seen.AppendLine(line);
            if (!line.Contains(cue, StringComparison.Ordinal)) continue;
            using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
            break;
        }
        string rest = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(timeout > clock.Elapsed ? timeout - clock.Elapsed : TimeSpan.Zero))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"convspec {string.Join(' ', args)} did not end within {timeout.TotalSeconds:F0} s of its start.");
        }
        string output = seen + rest;
        return output.Contains(cue, StringComparison.Ordinal) ? new CliResult(process.ExitCode, output, stderr.Result) : null;
    }

    private static Process Start(string fileName, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = SuitePaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}.");
    }
}
