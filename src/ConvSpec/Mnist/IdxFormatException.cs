namespace ConvSpec.Mnist;

/// <summary>An IDX file that cannot be what it claims to be; the message names the file and the fault.</summary>
public sealed class IdxFormatException(string message) : Exception(message);
