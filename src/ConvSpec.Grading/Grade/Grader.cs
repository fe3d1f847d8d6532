using System.Globalization;
using ConvSpec.Grading.Grade.Intake;
using ConvSpec.Grading.Grade.Isolation;
using ConvSpec.Grading.Grade.Remote;
using ConvSpec.Grading.Grade.Reports;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade;

/// <summary>The outcome of `convspec grade`: every student's result, in student order, how student code was contained, and what the reports were made from.</summary>
public sealed record GradeRun(IReadOnlyList<StudentResult> Students, IReadOnlyList<string> Ignored, string Containment, ClassReport Report);

/// <summary>
/// `convspec grade`: builds the pristine suite once, grades the submissions (several at a time), and writes the
/// class reports (<see cref="ClassReports"/>), which depend only on the inputs. Timings go to timing.csv, apart from
/// them. A roster is read before anything else, so a bad one stops the run before any file is written.
/// </summary>
public static class Grader
{
    public static async Task<GradeRun> GradeAsync(GradeOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        if (!Directory.Exists(options.SubmissionsDir))
            throw new DirectoryNotFoundException($"the submissions folder {options.SubmissionsDir} does not exist.");
        var roster = options.RosterPath is null ? null : Roster.Read(options.RosterPath);
        string outDir = Path.GetFullPath(options.OutDir);
        var sandbox = Sandbox.Choose(options.Sandbox);
        Directory.CreateDirectory(outDir);
        var limits = new ResourceLimits();
        string containment = Containment(sandbox, limits);
        log.WriteLine($"grade: student code runs in: {containment}");

        // The work area (pristine builds, every student's workspace) is private to the grader (mode 0700) and lies
        // outside --out, which holds only reports; sandboxed processes see only their own folder of it.
        string workRoot = Directory.CreateTempSubdirectory("convspec-grade-").FullName;
        try
        {
            ExerciseHostSettings HostSettings(string hostAssembly) => new(hostAssembly, sandbox.BwrapPath,
                options.CallTimeout.TotalSeconds, options.StudentTimeout.TotalSeconds, limits);

            var pristine = await PristineSuite.PrepareAsync(Path.GetFullPath(options.SuiteRoot), workRoot, HostSettings, log).ConfigureAwait(false);
            var (submissions, ignored) = SubmissionReader.ReadAll(options.SubmissionsDir, pristine.SubmitPaths, options.Limits);
            // Names and paths in a hand-in are student text too: cleaned before they reach the console.
            foreach (string line in ignored) log.WriteLine($"grade: {StudentText.Clean(line, 1000)}");
            foreach (var submission in submissions) log.WriteLine($"grade: {StudentText.Clean(submission.Describe(), 2000)}");
            foreach (var submission in submissions.Where(s => roster is not null && roster.Find(s.Student) is null))
                log.WriteLine($"grade: warning: {roster!.FileName}: no row for the hand-in {submission.Student}; it is graded and listed without an id.");

            var grader = new StudentGrader(pristine, HostSettings, workRoot, sandbox);
            var results = new StudentResult[submissions.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, submissions.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallel) },
                async (n, _) =>
                {
                    results[n] = await grader.GradeAsync(submissions[n]).ConfigureAwait(false);
                    lock (log) log.WriteLine($"grade: {results[n].Student}: {results[n].Score} points ({results[n].Seconds:0.0} s)");
                }).ConfigureAwait(false);

            var settings = new ReportSettings(containment, Limits(options, limits), options.HiddenVisibility, options.Html, roster);
            var report = new ClassReport(ReportLayout.FromSuite(Path.GetFullPath(options.SuiteRoot), pristine.Specs), results, settings, ignored);
            ClassReports.Write(outDir, report);
            return new GradeRun(results, ignored, containment, report);
        }
        finally
        {
            if (options.KeepWork) log.WriteLine($"grade: the work area is kept at {workRoot} (--keep-work)");
            else FileTree.DeleteIfExists(workRoot);
        }
    }

    /// <summary>The sandbox and the resource limits, in words, for the console and grading-log.md.</summary>
    private static string Containment(Sandbox sandbox, ResourceLimits limits)
    {
        string resources = ControlGroup.CanCreate(limits, out string why)
            ? $"a control group limits it to {limits.Describe()}"
            : $"NO control group could be made ({why}), so only its managed heap is limited";
        return $"{sandbox.Describe()}; {resources}";
    }

    /// <summary>The limits student code ran under, in words, for the instructor's log (not --parallel: the reports do not depend on it).</summary>
    private static string Limits(GradeOptions options, ResourceLimits limits) => string.Create(CultureInfo.InvariantCulture,
        $"{options.CallTimeout.TotalSeconds:0.#} s of CPU time per call (--timeout), {options.StudentTimeout.TotalSeconds:0.#} s of test time per student (--student-timeout), {GradeOptions.CompileTimeout.TotalSeconds:0} s per compilation; {limits.Describe()} where a control group can be made");
}
