namespace ConvSpec.Grading.Grade.Isolation;

/// <summary>Limits on one process: wall-clock time, output kept for reports, and output allowed before it is killed.</summary>
public sealed record RunLimits(
    TimeSpan Timeout,
    int KeptOutputChars = 16 * 1024,
    long MaxOutputBytes = 8L * 1024 * 1024);
