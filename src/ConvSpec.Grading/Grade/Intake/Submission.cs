namespace ConvSpec.Grading.Grade.Intake;

/// <summary>
/// One student's hand-in after checks: the accepted files by repository-relative path, and a message for
/// every entry that was ignored or rejected (shown in the student's feedback).
/// </summary>
public sealed record Submission(string Student, IReadOnlyDictionary<string, byte[]> Files, IReadOnlyList<string> Rejected);
