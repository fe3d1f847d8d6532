namespace ConvSpec.Mnist;

/// <summary>How far a fetch has come: bytes so far of a file whose size may be unknown.</summary>
public sealed record FetchProgress(string File, long Bytes, long? TotalBytes);
