using System.Text;

namespace ConvSpec.Grading.Grade.Isolation;

/// <summary>
/// What a limited process printed: the first characters are kept for feedback, every byte is counted, and
/// <see cref="OverLimit"/> tells the watcher when the process has printed more than it may.
/// </summary>
internal sealed class OutputBudget(int keepChars, long maxBytes)
{
    private readonly StringBuilder _kept = new();
    private readonly object _gate = new();
    private long _total;
    private bool _cut;

    public bool OverLimit
    {
        get { lock (_gate) return _total > maxBytes; }
    }

    public string Text
    {
        get
        {
            lock (_gate)
                return _cut ? _kept + "\n[output cut]" : _kept.ToString();
        }
    }

    public void Add(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            _total += bytes.Length;
            string text = Encoding.UTF8.GetString(bytes);
            int room = Math.Max(0, keepChars - _kept.Length);
            _kept.Append(text.AsSpan(0, Math.Min(text.Length, room)));
            _cut |= text.Length > room;
        }
    }

    /// <summary>Starts the kept text afresh (the count of bytes goes on), so it holds what was printed from now on.</summary>
    public void RestartKept()
    {
        lock (_gate)
        {
            _kept.Clear();
            _cut = false;
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end (or until <paramref name="stop"/>), counting everything.</summary>
    public async Task DrainAsync(Stream stream, CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, stop).ConfigureAwait(false)) > 0)
                Add(buffer.AsSpan(0, read));
        }
        catch (OperationCanceledException)
        {
            // The process was stopped; what was read is kept.
        }
        catch (IOException)
        {
            // The pipe broke when the process tree was killed.
        }
        catch (ObjectDisposedException)
        {
            // The process was disposed while its output was still being read.
        }
    }
}
