using ConvSpec.Mnist;
using ConvSpec.Training;
using Spectre.Console;

namespace ConvSpec.Cli.Progress;

/// <summary>
/// Progress of the long phases (fetching MNIST, each epoch, each evaluation) on stderr: Spectre.Console bars
/// with elapsed time and ETA when stderr is a terminal, and one plain line per finished phase when it is
/// redirected, so a log file gets no carriage returns or redraws. When the work fails or is cancelled, the
/// display's last line is ended before the one-line error: Spectre.Console completes its display in a
/// finally (AutoClear off ends the line) and the plain lines are always whole.
/// </summary>
internal abstract class RunProgress
{
    public abstract IProgress<FetchProgress> Fetch { get; }

    public abstract IProgress<EpochProgress> Training { get; }

    public abstract IProgress<EvaluationProgress> Evaluation { get; }

    /// <summary>Runs <paramref name="work"/> with the display that suits stderr; stdout stays free for results.</summary>
    public static async Task<T> RunAsync<T>(Func<RunProgress, Task<T>> work)
    {
        if (Console.IsErrorRedirected)
        {
            return await work(new PlainProgress(Console.Error));
        }
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (!console.Profile.Capabilities.Interactive)
        {
            return await work(new PlainProgress(Console.Error));
        }
        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new LiveProgress(context)));
    }
}
