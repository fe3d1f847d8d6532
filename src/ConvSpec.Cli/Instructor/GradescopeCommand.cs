using System.CommandLine;
using ConvSpec.Grading.Assign.Markers;
using ConvSpec.Grading.Grade.Isolation;
using ConvSpec.Grading.Gradescope;

namespace ConvSpec.Cli.Instructor;

/// <summary>
/// `convspec gradescope --out autograder.zip [--sandbox bwrap|none]`: the Gradescope autograder bundle; and
/// `convspec gradescope run [--root DIR]`, which the bundle's run_autograder calls on Gradescope (docs/grading.md).
/// </summary>
internal static class GradescopeCommand
{
    public static Command Create()
    {
        var outOption = new Option<FileInfo>("--out") { Description = "The bundle to write (a new file, or an earlier bundle to replace).", Required = true };
        var sandbox = Sandbox();
        var suite = SuiteRootOption.Create();
        var command = new Command("gradescope", "Write the zip to upload as a Gradescope programming assignment's autograder: setup.sh, run_autograder and the suite with its hidden specs. Needs a checkout of the suite.\n\nExample:\n  convspec gradescope --out autograder.zip    # inside a clone of the suite")
        {
            outOption, sandbox, suite, RunCommand(),
        };
        command.SetAction(parse =>
        {
            string suiteRoot = SuiteRootOption.Resolve(parse.GetValue(suite));
            if (!SuiteRootOption.IsSuite(suiteRoot))
            {
                Console.Error.WriteLine($"gradescope: {suiteRoot} is not a ConvSpec checkout (no ConvSpec.sln there or above); run it inside a clone of the suite, or pass --suite DIR.");
                return CommandLineRunner.UsageOrInputError;
            }
            string zip = parse.GetValue(outOption)!.FullName;
            var contents = AutograderBundle.Write(suiteRoot, zip, parse.GetValue(sandbox));
            Console.WriteLine($"gradescope: {zip} written: setup.sh, run_autograder and {contents.SuiteFiles.Count} files of the suite (sandbox: {(contents.Sandbox == SandboxKind.None ? "none" : "bwrap")}).");
            return 0;
        });
        return command;
    }

    private static Command RunCommand()
    {
        var root = new Option<DirectoryInfo?>("--root") { Description = $"The autograder's root folder (default: ${AutograderRun.RootVariable}, else {AutograderRun.DefaultRoot})." };
        var sandbox = Sandbox();
        var command = new Command("run", "Grade ROOT/submission with the suite in ROOT/source/suite and write ROOT/results/results.json; what the bundle's run_autograder calls on Gradescope.")
        {
            root, sandbox,
        };
        command.SetAction(async (parse, cancel) =>
        {
            string folder = parse.GetValue(root)?.FullName ?? AutograderRun.RootFromEnvironment();
            try
            {
                await Task.Yield(); // Ctrl-C's handler is installed at the action's first await (GradeCommand).
                await AutograderRun.RunAsync(folder, parse.GetValue(sandbox), Console.Out, cancel);
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or MarkerException)
            {
                // Not even the results file could be written; run_autograder writes its fixed one.
                Console.Error.WriteLine("gradescope run: " + e.Message);
                return 1;
            }
        });
        return command;
    }

    private static Option<SandboxKind> Sandbox() => SandboxOption.Create(
        "bwrap (the default: student code runs in bubblewrap, and grading stops where it cannot be made) or none (Gradescope's container is the only boundary; student code can then reach the grader's files).");
}
