using System.CommandLine;
using ConvSpec.IO;

namespace ConvSpec.Cli;

/// <summary>Runs a command and turns a user's mistake into one line on stderr and a non-zero exit code.</summary>
internal static class CommandLineRunner
{
    public const int InputError = 2;

    public static int Run(RootCommand root, string[] args)
    {
        try
        {
            return root.Parse(args).Invoke();
        }
        catch (Exception e) when (e is ConvSpecInputException or ArgumentException or FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            Console.Error.WriteLine($"convspec: {e.Message}");
            return InputError;
        }
    }
}
