namespace ConvSpec.IO;

/// <summary>An input file that ConvSpec cannot use; the message names the file and what was wrong with it.</summary>
public sealed class ConvSpecInputException : Exception
{
    public ConvSpecInputException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        FilePath = path;
        Problem = problem;
    }

    public string FilePath { get; }

    public string Problem { get; }
}
