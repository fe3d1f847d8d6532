namespace ConvSpec.Cli;

/// <summary>A one-line progress bar on stderr, redrawn in place, at most ten times a second.</summary>
public sealed class TextProgressBar(TextWriter output)
{
    private const int Width = 30;
    private DateTime _lastDraw = DateTime.MinValue;

    public void Draw(string label, double fraction, string detail, bool force = false)
    {
        var now = DateTime.UtcNow;
        if (!force && now - _lastDraw < TimeSpan.FromMilliseconds(100))
        {
            return;
        }
        _lastDraw = now;
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * Width);
        output.Write($"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {detail}   ");
    }

    public void Finish() => output.WriteLine();
}
