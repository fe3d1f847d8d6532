using System.CommandLine;
using ConvSpec.Grading.Assign.Markers;
using ConvSpec.Grading.Grade;
using ConvSpec.Grading.Grade.Intake;
using ConvSpec.Grading.Grade.Isolation;
using ConvSpec.Grading.Grade.Shards;

namespace ConvSpec.Cli.Instructor;

/// <summary>
/// `convspec grade SUBMISSIONS --out DIR [--timeout S] [--parallel N] [--sandbox bwrap|none] [--keep-work] [--shard I/N]`: grades with the
/// suite's own specs; `convspec grade merge --out DIR SHARD_OUT...` joins shards (<see cref="GradeMergeCommand"/>).
/// </summary>
internal static class GradeCommand
{
    public static Command Create()
    {
        var submissions = new Argument<DirectoryInfo>("SUBMISSIONS") { Description = "Folder with one folder or .zip per student." };
        var outOption = new Option<DirectoryInfo>("--out") { Description = "Folder for grades.csv, feedback/ and <student>/results.json.", Required = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds of CPU time one call into a student's code may use (and six times that on the wall clock); past it the spec fails and the student's process is replaced.", DefaultValueFactory = _ => 10 };
        var studentTimeout = new Option<double>("--student-timeout") { Description = "Seconds one student's code may run in all; later calls fail at once.", DefaultValueFactory = _ => 300 };
        var parallel = new Option<int>("--parallel") { Description = "Students graded at once.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var sandbox = new Option<SandboxKind>("--sandbox")
        {
            Description = "bwrap (the default: grading stops if bubblewrap cannot confine student code here) or none (trusted code only: limits, no sandbox).",
            DefaultValueFactory = _ => SandboxKind.Bubblewrap,
            CustomParser = result => result.Tokens.Single().Value == "none" ? SandboxKind.None : SandboxKind.Bubblewrap,
        };
        sandbox.AcceptOnlyFromAmong("bwrap", "none");
        var keepWork = new Option<bool>("--keep-work") { Description = "Keep the private work area (builds, each student's workspace) after the run, for debugging; the log says where it is." };
        var shard = ShardOption.Create();
        var suite = SuiteRootOption.Create();
        var command = new Command("grade", "Grade every submission with the suite's graded specs, hidden ones included.\n\nExample:\n  convspec grade submissions --out grades    # inside a clone of the suite")
        {
            submissions, outOption, timeout, studentTimeout, parallel, sandbox, keepWork, suite, shard,
            GradeMergeCommand.Create(),
        };
        command.SetAction(async (parse, cancel) =>
        {
            var options = new GradeOptions(
                SuiteRootOption.Resolve(parse.GetValue(suite)),
                parse.GetValue(submissions)!.FullName,
                parse.GetValue(outOption)!.FullName,
                TimeSpan.FromSeconds(parse.GetValue(timeout)),
                TimeSpan.FromSeconds(parse.GetValue(studentTimeout)),
                parse.GetValue(parallel),
                parse.GetValue(sandbox),
                new IntakeLimits(),
                parse.GetValue(keepWork),
                parse.GetValue(shard));
            try
            {
                // System.CommandLine installs its Ctrl-C handler only once the action first awaits; until then Ctrl-C
                // would end the process at once and leave the work area behind.
                await Task.Yield();
                var run = await Grader.GradeAsync(options, Console.Out, cancel);
                Console.WriteLine($"grade: {run.Students.Count} student(s) graded into {options.OutDir}; {run.Ignored.Count} entr(y/ies) ignored.");
                return 0;
            }
            catch (Exception e) when (e is SandboxUnavailableException or MarkerException or IOException)
            {
                // The instructor's input (the suite's markers, the folders, the machine's sandbox) is at fault.
                Console.Error.WriteLine("grade: " + e.Message);
                return CommandLineRunner.UsageOrInputError;
            }
            catch (InvalidOperationException e)
            {
                // The grader itself failed (the pristine suite does not build or its specs fail on the solution).
                Console.Error.WriteLine("grade: " + e.Message);
                return 1;
            }
        });
        return command;
    }
}
