using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Xunit.Sdk;
using Xunit.v3;

namespace ConvSpec.Tests.Unit.Setup;

/// <summary>
/// Folds the starter's TODO failures: a spec that fails only because an exercise is not written yet (the
/// NotImplementedException whose message is a region's TODO) is reported in full the first time that TODO is met,
/// and in one line, without its stack trace, every later time; when the run ends, one line per TODO names the file
/// to edit and how many specs wait for it. Every other failure passes through untouched, and the instructor's suite,
/// which throws no TODO, reads exactly as before.
/// </summary>
public sealed partial class TodoFolding(IMessageSink inner, TextWriter summary) : IMessageSink
{
    private readonly ConcurrentDictionary<string, (string Place, int Specs)> _todos = new(StringComparer.Ordinal);

    public bool OnMessage(IMessageSinkMessage message)
    {
        if (message is ITestFailed failed && TodoOf(failed) is { } todo)
        {
            string place = PlaceOf(failed.StackTraces.FirstOrDefault());
            var (_, specs) = _todos.AddOrUpdate(todo, _ => (place, 1), (_, seen) => (seen.Place, seen.Specs + 1));
            // The whole TODO stays in the message: a reader, and the TRX report, still see which exercise is missing.
            if (specs > 1) message = Folded(failed, $"{todo} ({place}; met above with its stack trace, counted at the end)");
        }
        else if (message is ITestAssemblyFinished && !_todos.IsEmpty)
        {
            summary.WriteLine();
            summary.WriteLine($"Specs that wait for an exercise you have not written yet ({_todos.Values.Sum(t => t.Specs)} in all; every other failure above is a real one):");
            foreach (var (text, (place, specs)) in _todos.OrderBy(t => t.Value.Place, StringComparer.Ordinal))
                summary.WriteLine($"  {place,-45} {specs,3} {(specs == 1 ? "spec " : "specs")}  {text.Split(". ")[0]}");
        }
        return inner.OnMessage(message);
    }

    /// <summary>The TODO a failure is made of, or null when it is any other failure.</summary>
    private static string? TodoOf(ITestFailed failed) =>
        failed.ExceptionTypes.Length > 0 && failed.ExceptionTypes[0] == typeof(NotImplementedException).FullName
            && failed.Messages.Length > 0 && failed.Messages[0].StartsWith("TODO", StringComparison.Ordinal)
            ? failed.Messages[0]
            : null;

    /// <summary>The file and line the TODO was thrown from, from the repository's src/ on, or the method where no file is known.</summary>
    private static string PlaceOf(string? stackTrace)
    {
        string top = stackTrace?.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal))?.Trim() ?? "";
        var match = FrameFile().Match(top);
        if (!match.Success) return top.Length > 3 ? top[3..].Split('(')[0] : "(no stack trace)";
        string file = match.Groups["file"].Value.Replace('\\', '/');
        int src = file.LastIndexOf("/src/", StringComparison.Ordinal);
        return $"{(src >= 0 ? file[(src + 1)..] : Path.GetFileName(file))}:{match.Groups["line"].Value}";
    }

    private static TestFailed Folded(ITestFailed failed, string message) => new()
    {
        AssemblyUniqueID = failed.AssemblyUniqueID,
        TestCollectionUniqueID = failed.TestCollectionUniqueID,
        TestClassUniqueID = failed.TestClassUniqueID,
        TestMethodUniqueID = failed.TestMethodUniqueID,
        TestCaseUniqueID = failed.TestCaseUniqueID,
        TestUniqueID = failed.TestUniqueID,
        ExecutionTime = failed.ExecutionTime,
        FinishTime = failed.FinishTime,
        Output = failed.Output,
        Warnings = failed.Warnings,
        Cause = failed.Cause,
        ExceptionParentIndices = [-1],
        ExceptionTypes = [failed.ExceptionTypes[0]],
        Messages = [message],
        StackTraces = [null],
    };

    [GeneratedRegex(@" in (?<file>.+):line (?<line>\d+)$")]
    private static partial Regex FrameFile();
}
