using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ConvSpec.Grading.Grade.Isolation;

namespace ConvSpec.Grading.Grade.Remote;

/// <summary>
/// One running exercise host: requests go down its stdin, answers come up its stdout one line each, and
/// whatever the submission prints goes to its stderr, which is counted and cut. Any failure to answer stops
/// the whole process tree and becomes an <see cref="ExerciseHostException"/> naming the call.
/// </summary>
internal sealed partial class ExerciseHostProcess : IDisposable
{
    /// <summary>The longest answer read: the lab CNN's parameters take about 2 MB.</summary>
    private const int MaxAnswerBytes = 64 * 1024 * 1024;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly ControlGroup? _group;
    private readonly BoundedLineReader _answers;
    private readonly OutputBudget _printed = new(keepChars: 2000, ExerciseHostSettings.MaxOutputBytes);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _drain;

    private ExerciseHostProcess(Process process, ControlGroup? group)
    {
        _process = process;
        _group = group;
        _answers = new BoundedLineReader(process.StandardOutput.BaseStream, MaxAnswerBytes);
        _drain = _printed.DrainAsync(process.StandardError.BaseStream, _stop.Token);
    }

    public static ExerciseHostProcess Start(ExerciseHostSettings settings, Sandbox sandbox, ControlGroup? group)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(settings.HostAssembly))!;
        var environment = new Dictionary<string, string>
        {
            // Half the memory for the managed heap: the limit that holds even where no control group can be made.
            ["DOTNET_GCHeapHardLimit"] = "0x" + (settings.Limits.MemoryBytes / 2).ToString("x", System.Globalization.CultureInfo.InvariantCulture),
            ["DOTNET_gcServer"] = "0",
        };
        // The host reads only its own folder: the pristine host's files with the submission's ConvSpec.dll in it.
        Launch launch = sandbox.Confine([Sandbox.DotnetMuxer, "exec", settings.HostAssembly], new SandboxPaths(folder, [folder], []), environment);
        if (group is not null) launch = group.Wrap(launch);
        Process process;
        try
        {
            process = launch.Start();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new ExerciseHostException($"the exercise host could not be started ({e.Message}).");
        }
        return new ExerciseHostProcess(process, group);
    }

    /// <summary>
    /// Sends <paramref name="request"/> (none: just reads the host's first line) and returns the line that answers it.
    /// </summary>
    public string Exchange(string? request, CallLimit limit, string call)
    {
        var clock = new CallClock(limit, _group);
        _printed.RestartKept();
        if (request is not null)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(request + "\n");
            var write = WriteAsync(bytes);
            Await(write, clock, call);
            if (write.IsFaulted) throw Ended(call);
        }
        var read = _answers.ReadLineAsync(_stop.Token);
        Await(read, clock, call);
        if (read.IsFaulted && read.Exception?.InnerException is InvalidDataException)
            throw Stopped($"{call} answered with more than {MaxAnswerBytes / (1024 * 1024)} MiB on one line");
        if (!read.IsCompletedSuccessfully || read.Result is null) throw Ended(call);
        return read.Result;
    }

    public void Dispose()
    {
        Kill();
        _stop.Cancel();
        try { _drain.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _process.Dispose();
        _stop.Dispose();
    }

    private async Task WriteAsync(byte[] bytes)
    {
        await _process.StandardInput.BaseStream.WriteAsync(bytes, _stop.Token).ConfigureAwait(false);
        await _process.StandardInput.BaseStream.FlushAsync(_stop.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for <paramref name="task"/> to end, however it ends (its fault is read by the caller), stopping the
    /// host if it runs out of time or prints too much meanwhile.
    /// </summary>
    private void Await(Task task, CallClock clock, string call)
    {
        while (!task.IsCompleted)
        {
            Task.WhenAny(task, Task.Delay(Poll, CancellationToken.None)).Wait(CancellationToken.None);
            if (task.IsCompleted) return;
            if (_printed.OverLimit)
                throw Stopped($"{call} printed more than {ExerciseHostSettings.MaxOutputBytes / (1024 * 1024)} MiB");
            if (clock.OverLimit() is { } over)
                throw Stopped($"{call} {over}");
        }
    }

    private ExerciseHostException Stopped(string what)
    {
        Kill();
        return new ExerciseHostException($"{what}; the submission's process was stopped.{Printed()}");
    }

    private ExerciseHostException Ended(string call)
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5))) Kill();
        string code = _process.HasExited ? $" with exit code {_process.ExitCode}" : "";
        _drain.Wait(TimeSpan.FromSeconds(2));
        return new ExerciseHostException($"the submission's process ended{code} while running {call}.{Printed()}");
    }

    /// <summary>
    /// The start of what the host printed during this call, for the student. Two things in it would differ from
    /// run to run, so they are written without their numbers: the depth at which a stack overflow struck, which
    /// varies with the address-space layout, and the timestamps of libtorch's own log lines.
    /// </summary>
    private string Printed()
    {
        string text = RepeatedFrames().Replace(TorchLogPrefix().Replace(_printed.Text, "[$1 $2]"), "Repeated many times:").Trim();
        return text.Length == 0 ? "" : "\nIt printed (start):\n" + text;
    }

    [GeneratedRegex(@"Repeated \d+ times:")]
    private static partial Regex RepeatedFrames();

    [GeneratedRegex(@"(?m)^\[([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d+ ([^\]]+)\]")]
    private static partial Regex TorchLogPrefix();

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // It ended by itself meanwhile.
        }
    }
}
