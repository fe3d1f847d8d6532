using System.Text;

namespace ConvSpec.Grading.Grade.Remote;

/// <summary>
/// Reads '\n'-terminated UTF-8 lines from a stream written by untrusted code, refusing any line longer
/// than a limit, so a host that never ends its line cannot make the reader hold unbounded memory.
/// </summary>
public sealed class BoundedLineReader(Stream stream, int maxBytes)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next line without its '\n'; null at the end of the stream.</summary>
    /// <exception cref="InvalidDataException">The line is longer than the limit.</exception>
    public async Task<string?> ReadLineAsync(CancellationToken cancel)
    {
        using var line = new MemoryStream();
        while (true)
        {
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            int take = (newline >= 0 ? newline : _end) - _start;
            if (line.Length + take > maxBytes)
                throw new InvalidDataException($"a line longer than {maxBytes} bytes.");
            line.Write(_buffer, _start, take);
            if (newline >= 0)
            {
                _start = newline + 1;
                return Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length);
            }
            _start = _end = 0;
            int read = await stream.ReadAsync(_buffer, cancel).ConfigureAwait(false);
            if (read == 0) return null;
            _end = read;
        }
    }
}
