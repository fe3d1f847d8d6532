using System.Text;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>A CSV file's rows, each with the line it starts on, or an error that names that line.</summary>
public static class CsvTable
{
    /// <summary>The rows of <paramref name="text"/> (RFC 4180: quoted fields may hold commas, quotes doubled, line ends); blank lines are skipped.</summary>
    /// <exception cref="InvalidDataException">An unclosed quote, or text after a closing quote.</exception>
    public static IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<(int, IReadOnlyList<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, rowLine = 1, n = 0;
        bool quoted = false, wasQuoted = false;
        if (text.StartsWith('\uFEFF')) n = 1; // a spreadsheet's byte-order mark
        for (; n <= text.Length; n++)
        {
            char? c = n < text.Length ? text[n] : null;
            if (quoted)
            {
                if (c is null) throw new InvalidDataException($"{fileName}:{rowLine}: a quoted field is never closed.");
                if (c == '"' && n + 1 < text.Length && text[n + 1] == '"') { field.Append('"'); n++; }
                else if (c == '"') { quoted = false; wasQuoted = true; }
                else { if (c == '\n') line++; field.Append(c.Value); }
                continue;
            }
            if (c is null or '\n' or ',')
            {
                fields.Add(wasQuoted ? field.ToString() : field.ToString().TrimEnd('\r'));
                field.Clear();
                wasQuoted = false;
                if (c == ',') continue;
                if (fields.Count > 1 || fields[0].Trim().Length > 0) rows.Add((rowLine, fields.ToList()));
                fields.Clear();
                line++;
                rowLine = line;
                continue;
            }
            if (wasQuoted && c != '\r') throw new InvalidDataException($"{fileName}:{line}: text after a closing quote.");
            if (c == '"' && field.Length == 0) quoted = true;
            else if (c == '"') throw new InvalidDataException($"{fileName}:{line}: a quote inside a field that does not start with one.");
            else field.Append(c.Value);
        }
        return rows;
    }
}
