using ConvSpec.Grading.Grade.Remote;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>How a student's grading went, in one word for scripts and the instructor's log.</summary>
public static class StudentStatus
{
    /// <summary>Every spec reached a verdict.</summary>
    public const string Graded = "graded";

    /// <summary>The hand-in did not compile; nothing ran.</summary>
    public const string DoesNotCompile = "does_not_compile";

    /// <summary>The hand-in's code did not load (its start ran past its limit or crashed); no spec could call it.</summary>
    public const string NotLoaded = "not_loaded";

    /// <summary>Nothing of the hand-in matched SUBMIT.txt, so the starter was graded.</summary>
    public const string NothingTaken = "nothing_taken";

    /// <summary>The grader itself failed to reach a verdict for some spec: the instructor should look at it.</summary>
    public const string GraderError = "grader_error";

    /// <summary>A roster student with no hand-in.</summary>
    public const string NoHandIn = "no_hand_in";

    public static string Of(StudentResult? student)
    {
        if (student is null) return NoHandIn;
        if (student.Verdicts.Any(v => v.Message.StartsWith("not graded:", StringComparison.Ordinal))) return GraderError;
        if (student.Rejected.Any(n => n.StartsWith("Nothing in this hand-in matched", StringComparison.Ordinal))) return NothingTaken;
        if (student.BuildErrors.Count > 0) return DoesNotCompile;
        if (student.Verdicts.Any(v => v.Message.Contains(ExerciseHostClient.NotLoaded, StringComparison.Ordinal))) return NotLoaded;
        return Graded;
    }
}
