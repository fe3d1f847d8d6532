using System.Text;

namespace ConvSpec.Cli.Check;

/// <summary>The table `convspec check` prints: exercise → points earned / possible, and the first failure in one line.</summary>
internal static class ScoreTable
{
    private const int FailureWidth = 110;

    public static string Format(IReadOnlyList<GradedResult> results)
    {
        var table = new StringBuilder();
        var exercises = results.GroupBy(r => r.Exercise).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        int width = Math.Max("exercise".Length, exercises.Select(g => g.Key.Length).DefaultIfEmpty(0).Max());
        table.AppendLine($"{"exercise".PadRight(width)}  points   first failure");
        foreach (var exercise in exercises)
        {
            int earned = exercise.Where(r => r.Passed).Sum(r => r.Points), possible = exercise.Sum(r => r.Points);
            var failed = exercise.FirstOrDefault(r => !r.Passed);
            string note = failed is null ? "all specs pass" : $"{ShortName(failed.Spec)}: {OneLine(failed.FirstFailure)}";
            table.AppendLine($"{exercise.Key.PadRight(width)}  {$"{earned}/{possible}",-7}  {Shorten(note)}");
        }
        table.AppendLine($"{"total".PadRight(width)}  {results.Where(r => r.Passed).Sum(r => r.Points)}/{results.Sum(r => r.Points)}");
        return table.ToString();
    }

    private static string ShortName(string spec) => spec[(spec.LastIndexOf('.') + 1)..];

    /// <summary>The message's first line that says something, without the exception type xunit puts first.</summary>
    private static string OneLine(string? message)
    {
        string line = (message ?? "failed").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "failed";
        int typeEnd = line.IndexOf(" : ", StringComparison.Ordinal);
        line = line.Replace("\\\"", "\"", StringComparison.Ordinal);
        return typeEnd > 0 && !line[..typeEnd].Contains(' ', StringComparison.Ordinal) ? line[(typeEnd + 3)..] : line;
    }

    private static string Shorten(string text) => text.Length <= FailureWidth ? text : text[..(FailureWidth - 1)] + "…";
}
