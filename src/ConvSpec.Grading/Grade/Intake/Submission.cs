namespace ConvSpec.Grading.Grade.Intake;

/// <summary>
/// One student's hand-in after checks: the accepted files by repository-relative path, and a message for
/// every entry that was ignored or rejected (shown in the student's feedback). <see cref="Taken"/> says where
/// each accepted file came from in the hand-in, for the console.
/// </summary>
public sealed record Submission(string Student, IReadOnlyDictionary<string, byte[]> Files, IReadOnlyList<string> Rejected, IReadOnlyList<string>? Taken = null)
{
    /// <summary>One console line: what was taken, and what was not (the first few; the feedback lists them all).</summary>
    public string Describe()
    {
        const int shown = 8;
        string Few(IReadOnlyList<string> items) =>
            string.Join("; ", items.Take(shown)) + (items.Count > shown ? $"; … and {items.Count - shown} more" : "");
        if (Files.Count == 0)
            return $"{Student}: NOTHING was taken from this hand-in. {Few(Rejected)}";
        var moved = (Taken ?? []).Where(t => !Files.ContainsKey(t)).ToList();
        string line = $"{Student}: took {Files.Count} file(s)" + (moved.Count == 0 ? ", each at its SUBMIT.txt path" : $"; found by name or below a folder: {Few(moved)}");
        return Rejected.Count == 0 ? line : $"{line}. Not taken: {Few(Rejected)}";
    }
}
