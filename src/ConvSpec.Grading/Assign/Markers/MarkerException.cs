namespace ConvSpec.Grading.Assign.Markers;

/// <summary>Markers that cannot be turned into a starter; the message names the file and line.</summary>
public sealed class MarkerException(string file, int line, string problem)
    : Exception($"{file}:{line}: {problem}")
{
    public string File { get; } = file;

    public int Line { get; } = line;
}
