namespace ConvSpec.Grading.Grade.Intake;

/// <summary>How much a submission may hold before entries are rejected.</summary>
public sealed record IntakeLimits(long MaxFileBytes = 256 * 1024, int MaxEntries = 1000);
