using System.Diagnostics;

namespace ConvSpec.Grading.Grade.Isolation;

/// <summary>
/// A process to start: its command line, folder and environment. <see cref="CleanEnvironment"/> starts it with
/// only <see cref="Environment"/>, none of the grader's own variables; trusted steps (builds) inherit them.
/// The one place where grading starts processes, so that every launch is redirected and cleaned the same way.
/// </summary>
public sealed record Launch(
    IReadOnlyList<string> Command,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    bool CleanEnvironment)
{
    /// <summary>Starts the process with its three standard streams redirected.</summary>
    public Process Start()
    {
        var start = new ProcessStartInfo(Command[0])
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        foreach (string argument in Command.Skip(1)) start.ArgumentList.Add(argument);
        if (CleanEnvironment) start.Environment.Clear();
        foreach (var (name, value) in Environment) start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {Command[0]}.");
    }
}
