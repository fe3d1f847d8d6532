using System.Text;

namespace ConvSpec.Grading.Grade.Isolation;

/// <summary>
/// What a limited process printed: the first characters are kept for feedback, every byte is counted, and
/// <see cref="OverLimit"/> tells the watcher when the process has printed more than it may.
/// </summary>
internal sealed class OutputBudget(int keepChars, long maxBytes)
{
    private readonly StringBuilder kept = new();
    private readonly object gate = new();
    private long total;
    private bool cut;

    public bool OverLimit
    {
        get { lock (gate) return total > maxBytes; }
    }

    public string Text
    {
        get
        {
            lock (gate)
                return cut ? kept + "\n[output cut]" : kept.ToString();
        }
    }

    public void Add(ReadOnlySpan<byte> bytes)
    {
        lock (gate)
        {
            total += bytes.Length;
            string text = Encoding.UTF8.GetString(bytes);
            int room = Math.Max(0, keepChars - kept.Length);
            kept.Append(text.AsSpan(0, Math.Min(text.Length, room)));
            cut |= text.Length > room;
        }
    }

    /// <summary>Starts the kept text afresh (the count of bytes goes on), so it holds what was printed from now on.</summary>
    public void RestartKept()
    {
        lock (gate)
        {
            kept.Clear();
            cut = false;
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
