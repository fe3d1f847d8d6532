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
        var command = new Command("assign", "Copy the suite with every #!HWBEGIN..#!HWEND region replaced by a NotImplementedException, the instructor's folders left out, and SUBMIT.txt listing the files to hand in.")
        {
            outOption,
            suite,
        };
        command.SetAction(parse =>
        {
            try
            {
                var result = Assigner.Assign(parse.GetValue(suite)!.FullName, parse.GetValue(outOption)!.FullName);
                Console.WriteLine($"assign: {result.FilesCopied} files written, {result.InstructorFilesLeftOut} instructor file(s) left out (hidden specs, grading specs and samples); students hand in:");
                foreach (string path in result.SubmitPaths) Console.WriteLine("  " + path);
                return 0;
            }
            catch (Exception e) when (e is MarkerException or IOException)
            {
                Console.Error.WriteLine("assign: " + e.Message);
                return 1;
            }
        });
        return command;
    }
}
