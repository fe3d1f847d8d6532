using System.CommandLine;
using ConvSpec.Grading.Grade;
using ConvSpec.Grading.Grade.Intake;
using ConvSpec.Grading.Grade.Reports;
using ConvSpec.Grading.Grade.Shards;

namespace ConvSpec.Cli.Instructor;

/// <summary>
/// `convspec grade SUBMISSIONS --out DIR [--timeout S] [--parallel N] [--sandbox bwrap|none] [--keep-work] [--roster FILE]
/// [--hidden-visibility V] [--html] [--json] [--shard I/N] [--setup-cache DIR]`: grades with the suite's own specs. With --json the class summary
/// is the only thing on standard output, and progress goes to standard error. `convspec grade merge --out DIR SHARD_OUT...`
/// joins shards (<see cref="GradeMergeCommand"/>); `convspec grade prepare --setup-cache DIR` builds the pristine suite for later runs
/// (<see cref="GradePrepareCommand"/>).
/// </summary>
internal static class GradeCommand
{
    public static Command Create()
    {
        var submissions = new Argument<DirectoryInfo>("SUBMISSIONS") { Description = "Folder with one folder or .zip per student." };
        var outOption = new Option<DirectoryInfo>("--out") { Description = "Folder for the reports: grades.csv, grading-log.md, feedback/ and <student>/results.json.", Required = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds of CPU time one call into a student's code may use (and six times that on the wall clock); past it the spec fails and the student's process is replaced.", DefaultValueFactory = _ => 10 };
        var studentTimeout = new Option<double>("--student-timeout") { Description = "Seconds one student's code may run in all; later calls fail at once.", DefaultValueFactory = _ => 300 };
        var parallel = new Option<int>("--parallel") { Description = "Students graded at once.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var sandbox = SandboxOption.Create();
        var keepWork = new Option<bool>("--keep-work") { Description = "Keep the private work area (builds, each student's workspace) after the run, for debugging; the log says where it is." };
        var shard = ShardOption.Create();
        var roster = new Option<FileInfo>("--roster")
        {
            Description = "CSV class list with a header row: the hand-in's folder name (folder, submission, username or login), the student id "
                + "(student_id, id or sis_user_id) and the e-mail (email); optionally name. Adds ids and e-mails to grades.csv, writes canvas.csv, "
                + "and lists roster students without a hand-in as 0.",
        };
        var hiddenVisibility = new Option<string>("--hidden-visibility")
        {
            Description = "When students see hidden specs in results.json (Gradescope's visibility).",
            DefaultValueFactory = _ => ReportSettings.Name(Visibility.AfterPublished),
        };
        hiddenVisibility.AcceptOnlyFromAmong([.. ReportSettings.Names]);
        var html = new Option<bool>("--html") { Description = "Also write each student's feedback as a self-contained page, feedback/<student>.html." };
        var json = new Option<bool>("--json") { Description = "Print the class summary (per student: score, maximum, points per exercise, status) as JSON on standard output; progress goes to standard error." };
        var suite = SuiteRootOption.Create();
        var setupCache = SetupCacheOption.Create(required: false);
        var command = new Command("grade", "Grade every submission with the suite's graded specs, hidden ones included.\n\nExamples:\n  convspec grade submissions --out grades    # inside a clone of the suite\n"
            + "  convspec grade submissions --out grades --roster class.csv --html --json > summary.json")
        {
            submissions, outOption, timeout, studentTimeout, parallel, sandbox, keepWork, roster, hiddenVisibility, html, json, suite, shard, setupCache,
            GradeMergeCommand.Create(), GradePrepareCommand.Create(),
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
                parse.GetValue(roster)?.FullName,
                ReportSettings.Parse(parse.GetValue(hiddenVisibility)!),
                parse.GetValue(html),
                parse.GetValue(shard),
                SetupCache: parse.GetValue(setupCache)?.FullName);
            bool summary = parse.GetValue(json);
            // Scripts read standard output: with --json it carries the summary alone.
            var progress = summary ? Console.Error : Console.Out;
            if (options.Shard is not null && options.RosterPath is not null)
            {
                Console.Error.WriteLine("grade: --roster applies to the whole class: give it to `grade merge`, not to each shard.");
                return CommandLineRunner.UsageOrInputError;
            }
            try
            {
                // System.CommandLine installs its Ctrl-C handler only once the action first awaits; until then Ctrl-C
                // would end the process at once and leave the work area behind.
                await Task.Yield();
                var run = await Grader.GradeAsync(options, progress, cancel);
                progress.WriteLine($"grade: {run.Students.Count} student(s) graded into {options.OutDir}; {run.Ignored.Count} entr(y/ies) ignored.");
                if (summary) Console.Out.Write(SummaryJson.Make(run.Report.Layout, run.Report.Students, run.Report.Settings.Roster));
                return 0;
            }
            catch (Exception e) when (GradeFailure.ExitCode(e) is int code)
            {
                return GradeFailure.Report("grade", e, code);
            }
        });
        return command;
    }
}
