using System.Diagnostics;
using System.Text;

namespace ConvSpec.Grading.Isolation;

/// <summary>
/// Runs a process under <see cref="RunLimits"/>: both output streams are drained as they come, the first part
/// is kept, and the whole process tree is killed when time, output or the watched folder's size runs over.
/// </summary>
public static class LimitedProcess
{
    public static async Task<RunOutcome> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment, RunLimits limits, CancellationToken cancel = default)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        var output = new OutputBudget(limits.KeptOutputChars, limits.MaxOutputBytes);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        Task drainOut = DrainAsync(process.StandardOutput.BaseStream, output, stop);
        Task drainErr = DrainAsync(process.StandardError.BaseStream, output, stop);

        RunEnd end = RunEnd.Exited;
        var exited = process.WaitForExitAsync(stop.Token);
        while (true)
        {
            var tick = Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None);
            if (await Task.WhenAny(exited, tick).ConfigureAwait(false) == exited && exited.IsCompletedSuccessfully) break;
            if (output.OverLimit) end = RunEnd.TooMuchOutput;
            else if (clock.Elapsed > limits.Timeout || cancel.IsCancellationRequested) end = RunEnd.TimedOut;
            else if (limits.WatchedFolder is { } folder && FolderBytes(folder) > limits.MaxWatchedFolderBytes) end = RunEnd.TooMuchDisk;
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

    private static async Task DrainAsync(Stream stream, OutputBudget budget, CancellationTokenSource stop)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, stop.Token).ConfigureAwait(false)) > 0)
                budget.Add(buffer.AsSpan(0, read));
        }
        catch (OperationCanceledException)
        {
            // The process was stopped; what was read is kept.
        }
        catch (IOException)
        {
            // The pipe broke when the process tree was killed.
        }
    }

    private static long FolderBytes(string folder)
    {
        try
        {
            return new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Keeps the first characters of the output and counts every byte.</summary>
    private sealed class OutputBudget(int keepChars, long maxBytes)
    {
        private readonly StringBuilder kept = new();
        private readonly object gate = new();
        private long total;

        public bool OverLimit
        {
            get { lock (gate) return total > maxBytes; }
        }

        public string Text
        {
            get
            {
                lock (gate)
                    return total > kept.Length ? kept + "\n[output cut]" : kept.ToString();
            }
        }

        public void Add(ReadOnlySpan<byte> bytes)
        {
            lock (gate)
            {
                total += bytes.Length;
                if (kept.Length < keepChars)
                {
                    string text = Encoding.UTF8.GetString(bytes);
                    kept.Append(text.AsSpan(0, Math.Min(text.Length, keepChars - kept.Length)));
                }
            }
        }
    }
}
