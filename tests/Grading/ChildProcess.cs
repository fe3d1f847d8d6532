using System.Diagnostics;

namespace ConvSpec.Tests.Grading;

/// <summary>What a program run by the grading specs printed (stdout, then stderr) and how it exited.</summary>
public sealed record ChildResult(int ExitCode, string Output);

/// <summary>Runs the real programs (`convspec`, `dotnet`) as a user would, each within a time limit.</summary>
internal static class ChildProcess
{
    public static async Task<ChildResult> RunAsync(string workingDirectory, TimeSpan limit, string fileName, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish within {limit.TotalMinutes:0.#} min.");
        }
        return new ChildResult(process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Runs `convspec` (the CLI this build made) and returns its output; a non-zero exit is an error.</summary>
    public static async Task<string> ConvspecAsync(TimeSpan limit, params string[] args)
    {
        var result = await RunAsync(Environment.CurrentDirectory, limit, "dotnet", ["exec", SuitePaths.Cli, .. args]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"convspec {args[0]} exited with {result.ExitCode}:\n{result.Output}");
        return result.Output;
    }
}
