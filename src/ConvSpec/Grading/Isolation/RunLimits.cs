namespace ConvSpec.Grading.Isolation;

/// <summary>
/// Limits on one process: wall-clock time, output kept for feedback, output allowed before the process is
/// killed, and how large a watched folder may grow before it is killed.
/// </summary>
public sealed record RunLimits(
    TimeSpan Timeout,
    int KeptOutputChars = 16 * 1024,
    long MaxOutputBytes = 8L * 1024 * 1024,
    string? WatchedFolder = null,
    long MaxWatchedFolderBytes = 32L * 1024 * 1024);
