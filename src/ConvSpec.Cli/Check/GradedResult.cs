namespace ConvSpec.Cli.Check;

/// <summary>One graded spec's result: all its cases together (a theory passes when every case does).</summary>
internal sealed record GradedResult(string Spec, string Exercise, int Points, bool Passed, string? FirstFailure);
