namespace ConvSpec.Grading.Grade.Results;

/// <summary>A graded spec's verdict for one student: the first failed case's message, and how many of its cases failed (0 when it passed).</summary>
public sealed record SpecVerdict(GradedSpec Spec, bool Passed, string Message, int FailedCases = 0);

/// <summary>Everything a student's reports are made from.</summary>
public sealed record StudentResult(
    string Student,
    IReadOnlyList<string> Rejected,
    IReadOnlyList<string> BuildErrors,
    IReadOnlyList<SpecVerdict> Verdicts,
    IReadOnlyList<string> Notes,
    double Seconds)
{
    public int Score => Verdicts.Where(v => v.Passed).Sum(v => v.Spec.Points);

    public int ExerciseScore(string exercise) => Verdicts.Where(v => v.Passed && v.Spec.Exercise == exercise).Sum(v => v.Spec.Points);

    public int Maximum => Verdicts.Sum(v => v.Spec.Points);

    public int ExerciseMaximum(string exercise) => Verdicts.Where(v => v.Spec.Exercise == exercise).Sum(v => v.Spec.Points);
}
