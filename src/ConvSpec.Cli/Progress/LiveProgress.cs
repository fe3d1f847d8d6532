using System.Globalization;
using ConvSpec.Mnist;
using ConvSpec.Training;
using Spectre.Console;

namespace ConvSpec.Cli.Progress;

/// <summary>Spectre.Console bars: one per fetched file, epoch and evaluation, plus a spinner until the first of them starts.</summary>
internal sealed class LiveProgress : RunProgress
{
    private readonly ProgressContext _context;
    private readonly Dictionary<string, ProgressTask> _tasks = [];
    private readonly Lock _gate = new();
    private ProgressTask? _starting;

    public LiveProgress(ProgressContext context)
    {
        _context = context;
        _starting = context.AddTask("reading MNIST, starting TorchSharp").IsIndeterminate();
        Fetch = new SynchronousProgress<FetchProgress>(p =>
        {
            ProgressTask task = TaskFor($"fetch {p.File}", p.TotalBytes is long total && total > 0 ? total : 0);
            if (task.MaxValue > 0) task.Value = p.Bytes;
            task.Description = $"fetch {Markup.Escape(p.File)} ({(p.Bytes / 1e6).ToString("F1", CultureInfo.InvariantCulture)} MB)";
        });
        Training = new SynchronousProgress<EpochProgress>(p =>
        {
            ProgressTask task = TaskFor($"epoch {p.Epoch}/{p.Epochs}", p.Batches);
            task.Value = p.Batch;
            task.Description = $"epoch {p.Epoch}/{p.Epochs}, batch loss {p.Loss.ToString("F3", CultureInfo.InvariantCulture)}";
            if (p.Batch == p.Batches) task.StopTask();
        });
        Evaluation = new SynchronousProgress<EvaluationProgress>(p =>
        {
            ProgressTask task = TaskFor(p.Phase, p.Total);
            task.Value = p.Samples;
            if (p.Samples == p.Total) task.StopTask();
        });
    }

    public override IProgress<FetchProgress> Fetch { get; }

    public override IProgress<EpochProgress> Training { get; }

    public override IProgress<EvaluationProgress> Evaluation { get; }

    private ProgressTask TaskFor(string key, double maxValue)
    {
        lock (_gate)
        {
            if (_starting is not null)
            {
                _starting.Value = _starting.MaxValue;
                _starting.IsIndeterminate(false).StopTask();
                _starting = null;
            }
            if (!_tasks.TryGetValue(key, out ProgressTask? task))
            {
                task = _context.AddTask(Markup.Escape(key), maxValue: maxValue > 0 ? maxValue : 100);
                if (maxValue <= 0) task.IsIndeterminate();
                _tasks[key] = task;
            }
            return task;
        }
    }
}
