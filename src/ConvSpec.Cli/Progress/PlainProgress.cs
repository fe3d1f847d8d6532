using System.Diagnostics;
using System.Globalization;
using ConvSpec.Mnist;
using ConvSpec.Training;

namespace ConvSpec.Cli.Progress;

/// <summary>One line per finished phase, for logs and pipes: a fetched file, an epoch, an evaluation. Never a carriage return.</summary>
internal sealed class PlainProgress : RunProgress
{
    private readonly TextWriter _output;
    private readonly Stopwatch _phase = Stopwatch.StartNew();
    private readonly HashSet<string> _started = [];
    private double _epochLossSum;

    public PlainProgress(TextWriter output)
    {
        _output = output;
        Fetch = new SynchronousProgress<FetchProgress>(p =>
        {
            if (_started.Add(p.File)) Line($"fetch {p.File} …");
            if (p.TotalBytes is long total && p.Bytes == total) Line($"fetch {p.File}: {Number(p.Bytes / 1e6, 1)} MB in {Seconds()}");
        });
        Training = new SynchronousProgress<EpochProgress>(p =>
        {
            if (p.Batch == 1)
            {
                _epochLossSum = 0;
                _phase.Restart();
            }
            _epochLossSum += p.Loss;
            if (p.Batch == p.Batches)
                Line($"epoch {p.Epoch}/{p.Epochs}: {p.Batches} batches, mean batch loss {Number(_epochLossSum / p.Batches, 4)}, {Seconds()}");
        });
        Evaluation = new SynchronousProgress<EvaluationProgress>(p =>
        {
            if (p.Samples <= 0 || p.Samples == p.Total) Line($"{p.Phase}: {p.Total.ToString("N0", CultureInfo.InvariantCulture)} images evaluated, {Seconds()}");
        });
    }

    public override IProgress<FetchProgress> Fetch { get; }

    public override IProgress<EpochProgress> Training { get; }

    public override IProgress<EvaluationProgress> Evaluation { get; }

    private void Line(string text)
    {
        _output.WriteLine("  " + text);
        _output.Flush();
    }

    private string Seconds()
    {
        string text = Number(_phase.Elapsed.TotalSeconds, 1) + " s";
        _phase.Restart();
        return text;
    }

    private static string Number(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
