using System.CommandLine;
using System.CommandLine.Parsing;
using ConvSpec.IO;

namespace ConvSpec.Cli;

/// <summary>
/// Runs a command. A user's mistake (bad arguments, a file that cannot be used) becomes one line on
/// stderr and exit code 2, so scripts can tell it from a crash; the commands write no output then.
/// Exercise code that is still the starter's (a region that throws NotImplementedException) becomes
/// one line with the region's message and exit code 3. Ctrl-C ends with exit code 130 after the
/// command's own cleanup has run.
/// </summary>
internal static class CommandLineRunner
{
    public const string ProgramName = "convspec";

    public const int UsageOrInputError = 2;

    public const int ExerciseNotWritten = 3;

    public const int Interrupted = 130;

    private static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(Command root, string[] args)
    {
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !IsHelpRequest(args))
        {
            Console.Error.WriteLine($"{ProgramName}: {UsageError(parse)} (see `{HelpCommand(parse)}`)");
            return UsageOrInputError;
        }
        try
        {
            // Ctrl-C or SIGTERM cancels the command's token; its cleanup (grade removes a work area of builds) gets this long to finish.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TerminationGrace });
        }
        catch (Exception e) when (e is ConvSpecInputException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{ProgramName}: {OneLine(WithoutParameterName(e))}");
            return UsageOrInputError;
        }
        catch (NotImplementedException e)
        {
            Console.Error.WriteLine($"{ProgramName}: this needs exercise code that is not written yet: {OneLine(e.Message)}");
            return ExerciseNotWritten;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"{ProgramName}: interrupted; nothing was written.");
            return Interrupted;
        }
    }

    /// <summary>The error a user needs first: an unknown command by its name, else the parser's first error, on one line.</summary>
    private static string UsageError(ParseResult parse)
    {
        if (parse.CommandResult.Command is var root && !root.Parents.Any() && parse.UnmatchedTokens.Count > 0)
        {
            string commands = string.Join(", ", root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            return $"unknown command '{parse.UnmatchedTokens[0]}'; the commands are {commands}.";
        }
        return OneLine(parse.Errors[0].Message);
    }

    private static string HelpCommand(ParseResult parse) =>
        !parse.CommandResult.Command.Parents.Any() ? $"{ProgramName} --help" : $"{ProgramName} {parse.CommandResult.Command.Name} --help";

    private static string WithoutParameterName(Exception e) =>
        e is ArgumentException { ParamName: { } name } a && a.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? a.Message[..^$" (Parameter '{name}')".Length]
            : e.Message;

    /// <summary>A message of several lines (a list of choices, say) as one line.</summary>
    internal static string OneLine(string message) =>
        string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");

    internal static OptionResult? Given(ParseResult parse, Option option) =>
        parse.GetResult(option) is { Implicit: false } given ? given : null;
}
