namespace ConvSpec.Grading.Assign;

/// <summary>
/// SUBMIT.txt: a few comment lines ('#') on how to hand in, then one repository-relative path a line, the files
/// a student hands in. Readers skip comments and blank lines; `convspec pack` reads it the same way.
/// </summary>
public static class SubmitList
{
    public static readonly string[] Header =
    [
        "# The files you hand in, one path a line; only these are taken when your work is graded.",
        "# Hand in: `dotnet run --project src/ConvSpec.Cli -- pack --student YOUR_ID` writes YOUR_ID.zip with exactly these files.",
        "# Check first: `dotnet run --project src/ConvSpec.Cli -- check` (README.md, \"Your score\").",
    ];

    public static string Write(IEnumerable<string> paths) => string.Join("\n", [.. Header, .. paths]) + "\n";

    /// <summary>The paths of a SUBMIT.txt's text, without its comments and blank lines.</summary>
    public static IReadOnlyList<string> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
    }
}
