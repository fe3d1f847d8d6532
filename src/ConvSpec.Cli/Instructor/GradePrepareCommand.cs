using System.CommandLine;
using ConvSpec.Grading.Grade;
using ConvSpec.Grading.Grade.Intake;

namespace ConvSpec.Cli.Instructor;

/// <summary>
/// `convspec grade prepare --setup-cache DIR [--suite S] [--sandbox bwrap|none]`: builds the pristine suite into the setup
/// cache and grades no one, so that `grade --setup-cache DIR` starts grading at once (Gradescope's setup.sh runs it).
/// </summary>
internal static class GradePrepareCommand
{
    public static Command Create()
    {
        var setupCache = SetupCacheOption.Create(required: true);
        var sandbox = SandboxOption.Create();
        var suite = SuiteRootOption.Create();
        var command = new Command("prepare", "Build the pristine suite (graded specs, exercise host, starter library; its specs run once on the reference solution) "
            + "into a setup cache, for later `grade --setup-cache` runs of the same suite.\n\nExample:\n  convspec grade prepare --setup-cache ~/.cache/convspec-grade\n"
            + "  convspec grade submissions --out grades --setup-cache ~/.cache/convspec-grade")
        {
            setupCache, sandbox, suite,
        };
        command.SetAction(async (parse, cancel) =>
        {
            // The reference run's limits are grade's defaults; the cache serves runs with any --timeout.
            var options = new GradeOptions(SuiteRootOption.Resolve(parse.GetValue(suite)), "", "", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(300), 1,
                parse.GetValue(sandbox), new IntakeLimits(), SetupCache: parse.GetValue(setupCache)!.FullName);
            try
            {
                await Task.Yield();
                await Grader.PrepareAsync(options, Console.Out, cancel);
                Console.WriteLine($"grade prepare: the pristine suite is ready in {options.SetupCache}.");
                return 0;
            }
            catch (Exception e) when (GradeFailure.ExitCode(e) is int code)
            {
                return GradeFailure.Report("grade prepare", e, code);
            }
        });
        return command;
    }
}
