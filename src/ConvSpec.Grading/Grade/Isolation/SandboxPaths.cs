namespace ConvSpec.Grading.Grade.Isolation;

/// <summary>
/// What a confined process sees of the disk besides the system's programs and libraries: the folders it may read,
/// the folders (or files) it may write, and the folder it starts in. Nothing else of the machine is mounted.
/// </summary>
public sealed record SandboxPaths(string WorkingDirectory, IReadOnlyList<string> ReadOnly, IReadOnlyList<string> Writable);
