using ConvSpec.Mnist;
using ConvSpec.Training;

namespace ConvSpec.Cli;

/// <summary>A one-line progress bar on stderr, redrawn in place, at most ten times a second.</summary>
public sealed class TextProgressBar(TextWriter output)
{
    private const int Width = 30;
    private DateTime _lastDraw = DateTime.MinValue;
    private bool _open;

    public void Draw(string label, double fraction, string detail, bool force = false)
    {
        var now = DateTime.UtcNow;
        if (!force && now - _lastDraw < TimeSpan.FromMilliseconds(100))
        {
            return;
        }
        _lastDraw = now;
        _open = true;
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * Width);
        output.Write($"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {detail}   ");
    }

    /// <summary>Ends the bar's line, if one was drawn, so whatever follows (an error, say) starts on its own line.</summary>
    public void Finish()
    {
        if (!_open) return;
        output.WriteLine();
        _open = false;
    }

    /// <summary>Draws a download's progress: bytes so far, as a fraction where the size is known.</summary>
    public IProgress<FetchProgress> ForFetch() =>
        new Progress<FetchProgress>(p => Draw($"fetch {p.File}", p.TotalBytes is long t && t > 0 ? (double)p.Bytes / t : 0, $"{p.Bytes / 1e6:F1} MB"));

    /// <summary>Draws training's progress on the training thread, always drawing an epoch's last batch.</summary>
    public IProgress<EpochProgress> ForTraining() =>
        new SynchronousProgress<EpochProgress>(p => Draw(
            $"epoch {p.Epoch}/{p.Epochs}", (double)p.Batch / p.Batches, $"batch {p.Batch}/{p.Batches} loss {p.Loss:F3}", p.Batch == p.Batches));
}
