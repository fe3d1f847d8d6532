namespace ConvSpec.Grading.Grade.Isolation;

/// <summary>Bubblewrap was required (the default) but cannot confine student code here; the message says what to do.</summary>
public sealed class SandboxUnavailableException(string message) : Exception(message);
