using System.Text.RegularExpressions;

namespace ConvSpec.Grading.Assign.Readme;

/// <summary>An exercise, what a student writes for it, and in which files (repository-relative).</summary>
public sealed record ExerciseFiles(string Exercise, string Writes, IReadOnlyList<string> Files);

/// <summary>
/// Reads the regions table of docs/grading.md ("| exercise | regions | file |"), the one place that says which
/// exercise each region belongs to, in the order the student README lists the exercises. Files there are
/// relative to the library's folder.
/// </summary>
public static partial class ExerciseTable
{
    public const string Document = "docs/grading.md";

    private const string LibraryFolder = "src/ConvSpec/";

    [GeneratedRegex(@"^\|\s*(?<exercise>[a-z]+)\s*\|\s*(?<writes>.+?)\s*\|\s*(?<files>`[^|]+)\|\s*$")]
    private static partial Regex Row();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Quoted();

    public static IReadOnlyList<ExerciseFiles> Read(string suiteRoot)
    {
        string path = Path.Combine(suiteRoot, Document);
        if (!File.Exists(path)) throw new IOException($"{Document} is missing; the student README lists the exercises from its regions table.");
        var rows = new List<ExerciseFiles>();
        foreach (string line in File.ReadLines(path))
        {
            var match = Row().Match(line);
            if (!match.Success) continue;
            var files = Quoted().Matches(match.Groups["files"].Value).Select(m => LibraryFolder + m.Groups[1].Value).ToList();
            if (files.Count > 0 && files.All(f => f.EndsWith(".cs", StringComparison.Ordinal)))
                rows.Add(new ExerciseFiles(match.Groups["exercise"].Value, match.Groups["writes"].Value, files));
        }
        return rows;
    }
}
