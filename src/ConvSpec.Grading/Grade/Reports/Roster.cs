using System.Text.RegularExpressions;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>A student of the roster: the hand-in's folder (or zip) name, the id and e-mail a gradebook knows them by, and a name if given.</summary>
public sealed record RosterEntry(string Folder, string Id, string Email, string Name, int Line);

/// <summary>
/// The class list given with `--roster FILE`: a CSV file with a header row. Header names are matched without
/// regard to case, surrounding blanks, or spaces, hyphens and underscores (so "Student ID", "student-id" and
/// "student_id" are one name):
/// the folder: folder, submission, username or login; the id: studentid, id or sisuserid; the e-mail: email or
/// emailaddress; optionally the name: name or studentname. Other columns are ignored. Every problem is an
/// <see cref="InvalidDataException"/> whose message names the file and line.
/// </summary>
public sealed partial class Roster
{
    public static readonly IReadOnlyList<string> FolderHeaders = ["folder", "submission", "username", "login"];

    public static readonly IReadOnlyList<string> IdHeaders = ["studentid", "id", "sisuserid"];

    public static readonly IReadOnlyList<string> EmailHeaders = ["email", "emailaddress"];

    public static readonly IReadOnlyList<string> NameHeaders = ["name", "studentname"];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex FolderName();

    private Roster(string fileName, IReadOnlyList<RosterEntry> entries)
    {
        FileName = fileName;
        Entries = entries;
    }

    /// <summary>The roster file's name, as messages name it.</summary>
    public string FileName { get; }

    /// <summary>The students, in the file's order.</summary>
    public IReadOnlyList<RosterEntry> Entries { get; }

    public RosterEntry? Find(string folder) => Entries.FirstOrDefault(e => e.Folder == folder);

    public static Roster Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileName(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: the roster cannot be read ({e.Message}).", e);
        }
        return Parse(text, name);
    }

    public static Roster Parse(string text, string fileName)
    {
        var rows = CsvTable.Parse(text, fileName);
        if (rows.Count == 0) throw new InvalidDataException($"{fileName}:1: the roster is empty; it needs a header row with the folder, the student id and the e-mail.");
        var (headerLine, header) = rows[0];
        int folder = Column(header, FolderHeaders, "the folder name", fileName, headerLine, required: true);
        int id = Column(header, IdHeaders, "the student id", fileName, headerLine, required: true);
        int email = Column(header, EmailHeaders, "the e-mail", fileName, headerLine, required: true);
        int studentName = Column(header, NameHeaders, "the name", fileName, headerLine, required: false);

        var entries = new List<RosterEntry>();
        var folders = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Count != header.Count)
                throw new InvalidDataException($"{fileName}:{line}: {fields.Count} field(s) where the header has {header.Count}.");
            string f = fields[folder].Trim(), i = fields[id].Trim(), m = fields[email].Trim();
            if (!FolderName().IsMatch(f))
                throw new InvalidDataException($"{fileName}:{line}: '{Shown(f)}' is not a hand-in's name (letters, digits, '.', '_' and '-', at most 64).");
            if (i.Length == 0) throw new InvalidDataException($"{fileName}:{line}: {f} has no student id.");
            if (m.Length == 0 || !m.Contains('@', StringComparison.Ordinal)) throw new InvalidDataException($"{fileName}:{line}: {f} has no e-mail address ('{Shown(m)}').");
            if (folders.TryGetValue(f, out int first)) throw new InvalidDataException($"{fileName}:{line}: the folder {f} is listed twice (first on line {first}).");
            if (ids.TryGetValue(i, out first)) throw new InvalidDataException($"{fileName}:{line}: the student id {Shown(i)} is listed twice (first on line {first}).");
            folders[f] = line;
            ids[i] = line;
            entries.Add(new RosterEntry(f, i, m, studentName >= 0 ? fields[studentName].Trim() : "", line));
        }
        return new Roster(fileName, entries);
    }

    private static int Column(IReadOnlyList<string> header, IReadOnlyList<string> names, string what, string fileName, int line, bool required)
    {
        var found = header.Select((h, n) => (Name: Normalised(h), Column: n)).Where(h => names.Contains(h.Name)).ToList();
        if (found.Count > 1)
            throw new InvalidDataException($"{fileName}:{line}: two columns give {what}: {string.Join(" and ", found.Select(h => $"'{header[h.Column].Trim()}' (column {h.Column + 1})"))}.");
        if (found.Count == 0 && required)
            throw new InvalidDataException($"{fileName}:{line}: no column gives {what}; name one {string.Join(", ", names)} (case, blanks, '-' and '_' do not matter).");
        return found.Count == 0 ? -1 : found[0].Column;
    }

    private static string Normalised(string header) =>
        new([.. header.Trim().ToLowerInvariant().Where(c => c is not (' ' or '-' or '_'))]);

    /// <summary>A value from the roster in a one-line message: cleaned and short.</summary>
    private static string Shown(string value) => Remote.StudentText.Clean(value.Replace('\n', ' '), 80);
}
