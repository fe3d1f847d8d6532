using System.CommandLine;
using ConvSpec.Grading.Assign;
using ConvSpec.Grading.Assign.Markers;

namespace ConvSpec.Cli.Instructor;

/// <summary>`convspec assign --out DIR`: writes the student starter (docs/grading.md).</summary>
internal static class AssignCommand
{
    public static Command Create()
    {
        var outOption = new Option<DirectoryInfo>("--out") { Description = "Empty or new folder for the starter.", Required = true };
        var suite = SuiteRootOption.Create();
        var command = new Command("assign", "Copy the suite with every #!HWBEGIN..#!HWEND region replaced by a NotImplementedException, the instructor's folders left out, and SUBMIT.txt listing the files to hand in. Needs a checkout of the suite.\n\nExample:\n  convspec assign --out starter    # inside a clone of the suite")
        {
            outOption,
            suite,
        };
        command.SetAction(parse =>
        {
            string suiteRoot = SuiteRootOption.Resolve(parse.GetValue(suite));
            if (!SuiteRootOption.IsSuite(suiteRoot))
            {
                Console.Error.WriteLine($"assign: {suiteRoot} is not a ConvSpec checkout (no ConvSpec.sln there or above). The starter is cut from the " +
                                        "instructor's suite, which the installed tool does not carry: run assign inside a clone of the suite, or pass --suite DIR.");
                return CommandLineRunner.UsageOrInputError;
            }
            try
            {
                var result = Assigner.Assign(suiteRoot, parse.GetValue(outOption)!.FullName);
                Console.WriteLine($"assign: {result.FilesCopied} files written, {result.InstructorFilesLeftOut} instructor file(s) left out (hidden specs, grading specs and samples); students hand in:");
                foreach (string path in result.SubmitPaths) Console.WriteLine("  " + path);
                return 0;
            }
            catch (Exception e) when (e is MarkerException or IOException)
            {
                Console.Error.WriteLine("assign: " + e.Message);
                return CommandLineRunner.UsageOrInputError;
            }
        });
        return command;
    }
}
