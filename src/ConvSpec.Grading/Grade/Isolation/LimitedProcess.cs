using System.Diagnostics;

namespace ConvSpec.Grading.Grade.Isolation;

/// <summary>
/// Runs a process under <see cref="RunLimits"/>: both output streams are drained as they come, the first part
/// is kept, and the whole process tree is killed when time or output runs over.
/// </summary>
public static class LimitedProcess
{
    /// <summary>Runs a trusted program with the grader's environment plus <paramref name="environment"/>.</summary>
    public static Task<RunOutcome> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment, RunLimits limits, CancellationToken cancel = default) =>
        RunAsync(new Launch([fileName, .. arguments], workingDirectory, environment ?? new Dictionary<string, string>(), CleanEnvironment: false), limits, cancel);

    public static async Task<RunOutcome> RunAsync(Launch launch, RunLimits limits, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(limits);
        var clock = Stopwatch.StartNew();
        using var process = launch.Start();
        process.StandardInput.Close();
        var output = new OutputBudget(limits.KeptOutputChars, limits.MaxOutputBytes);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        Task drainOut = output.DrainAsync(process.StandardOutput.BaseStream, stop.Token);
        Task drainErr = output.DrainAsync(process.StandardError.BaseStream, stop.Token);

        RunEnd end = RunEnd.Exited;
        var exited = process.WaitForExitAsync(stop.Token);
        while (true)
        {
            var tick = Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None);
            if (await Task.WhenAny(exited, tick).ConfigureAwait(false) == exited && exited.IsCompletedSuccessfully) break;
            if (output.OverLimit) end = RunEnd.TooMuchOutput;
            else if (clock.Elapsed > limits.Timeout || cancel.IsCancellationRequested) end = RunEnd.TimedOut;
            if (end != RunEnd.Exited || exited.IsCanceled) break;
        }
        if (end != RunEnd.Exited || !process.HasExited)
        {
            if (end == RunEnd.Exited) end = RunEnd.TimedOut;
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(drainOut, drainErr).ConfigureAwait(false);
        return new RunOutcome(end, end == RunEnd.Exited ? process.ExitCode : null, output.Text, clock.Elapsed);
    }
}
