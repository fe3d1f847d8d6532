using System.Text.RegularExpressions;
using ConvSpec.Grading.Grade.Remote;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>
/// A failed spec's message as a student reads it: the first failed case without the test framework's names in
/// front, where in the student's own file it failed (the first `/submission/…:line N` frame), and, when the code
/// threw NotImplementedException, the TODO it threw, so that an unwritten exercise is said once and not per spec.
/// </summary>
public static partial class FailureText
{
    private const string HostException = "ConvSpec.Grading.Grade.Remote.ExerciseHostException : ";

    [GeneratedRegex(@"/submission/(?<path>[A-Za-z0-9_./-]{1,200}\.cs):line (?<line>\d{1,7})")]
    private static partial Regex SubmissionFrame();

    [GeneratedRegex(@"threw System\.NotImplementedException: (?<todo>[^\n]*)")]
    private static partial Regex NotImplemented();

    public const string NotCounted = "not counted: ";

    /// <summary>The first failed case's message, cleaned and cut, with "Class.Method" and the host's exception type left out.</summary>
    public static string FirstCase(SpecVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        string message = verdict.Message;
        if (message.StartsWith(verdict.Spec.Method, StringComparison.Ordinal))
        {
            message = message[verdict.Spec.Method.Length..];
            message = message.StartsWith(": ", StringComparison.Ordinal) ? message[2..] : "case " + message;
        }
        return Feedback.Cut(message.Replace(HostException, "", StringComparison.Ordinal));
    }

    /// <summary>"src/ConvSpec/Convolution/BorderBounds.cs:26", from the first frame in the student's files; null when there is none.</summary>
    public static string? Where(SpecVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var frame = SubmissionFrame().Match(verdict.Message);
        return frame.Success && !frame.Groups["path"].Value.Contains("..", StringComparison.Ordinal)
            ? $"{frame.Groups["path"].Value}:{frame.Groups["line"].Value}"
            : null;
    }

    /// <summary>The TODO an unwritten method threw ("TODO: compute every y_ij …"), cleaned and short; null when the spec failed otherwise.</summary>
    public static string? Todo(SpecVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var thrown = NotImplemented().Match(verdict.Message);
        return thrown.Success ? StudentText.Clean(thrown.Groups["todo"].Value.Trim(), 500) : null;
    }

    /// <summary>Failed because the delegation rule did not count the exercise.</summary>
    public static bool IsNotCounted(SpecVerdict verdict) => verdict?.Message.StartsWith(NotCounted, StringComparison.Ordinal) == true;

    public static int Cases(SpecVerdict verdict) => Math.Max(1, verdict?.FailedCases ?? 1);
}
