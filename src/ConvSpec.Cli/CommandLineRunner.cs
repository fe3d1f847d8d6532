using System.CommandLine;
using ConvSpec.IO;

namespace ConvSpec.Cli;

/// <summary>
/// Runs a command. A user's mistake (bad arguments, a file that cannot be used) becomes one line on
/// stderr and exit code 2, so scripts can tell it from a crash; the commands write no output then.
/// Exercise code that is still the starter's (a region that throws NotImplementedException) becomes
/// one line with the region's message and exit code 3.
/// </summary>
internal static class CommandLineRunner
{
    public const int UsageOrInputError = 2;

    public const int ExerciseNotWritten = 3;

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !IsHelpRequest(args))
        {
            Console.Error.WriteLine($"convspec: {parse.Errors[0].Message} (see `convspec {parse.CommandResult.Command.Name} --help`)");
            return UsageOrInputError;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is ConvSpecInputException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"convspec: {e.Message}");
            return UsageOrInputError;
        }
        catch (NotImplementedException e)
        {
            Console.Error.WriteLine($"convspec: this needs exercise code that is not written yet: {e.Message}");
            return ExerciseNotWritten;
        }
    }

    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");
}
