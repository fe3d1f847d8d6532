namespace ConvSpec.Grading.Grade.Results;

/// <summary>
/// One graded spec as the pristine suite's own run describes it: its test method, exercise, points, the
/// equation it checks (the Specifies trait) and whether it is hidden from students.
/// </summary>
public sealed record GradedSpec(string Method, string Exercise, int Points, string Specifies, bool Hidden);
