using System.Globalization;
using ConvSpec.Grading.Grade.Intake;
using ConvSpec.Grading.Grade.Isolation;
using ConvSpec.Grading.Grade.Remote;
using ConvSpec.Grading.Grade.Reports;
using ConvSpec.Grading.Grade.Results;
using ConvSpec.Grading.Grade.Shards;

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
    /// <param name="cancel">Ctrl-C or SIGTERM: the running processes are ended, no report is written, the work area is removed, and
    /// <see cref="OperationCanceledException"/> is thrown.</param>
    public static async Task<GradeRun> GradeAsync(GradeOptions options, TextWriter log, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        if (options.OneHandIn ? !Path.Exists(options.SubmissionsDir) : !Directory.Exists(options.SubmissionsDir))
            throw new DirectoryNotFoundException($"the {(options.OneHandIn ? "hand-in" : "submissions folder")} {options.SubmissionsDir} does not exist.");
        if (options.Shard is not null && options.RosterPath is not null)
            throw new ArgumentException("--roster applies to the whole class: give it to `grade merge`, not to each shard.");
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
            string suiteRoot = Path.GetFullPath(options.SuiteRoot);
            string? fingerprint = options.Shard is null ? null : SuiteFingerprint.Of(suiteRoot, Settings(options));
            var hostSettings = HostSettingsOf(options, sandbox, limits);

            var pristine = await PristineSuite.PrepareAsync(suiteRoot, workRoot, hostSettings, log, options.SetupCache, cancel).ConfigureAwait(false);
            cancel.ThrowIfCancellationRequested();
            IReadOnlyList<Submission> submissions;
            IReadOnlyList<string> ignored = [];
            if (options.OneHandIn)
                submissions = [SubmissionReader.ReadOne(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.SubmissionsDir))),
                    options.SubmissionsDir, pristine.SubmitPaths, options.Limits)];
            else
                (submissions, ignored) = SubmissionReader.ReadAll(options.SubmissionsDir, pristine.SubmitPaths, options.Limits);
            var wholeClass = submissions.Select(s => s.Student).ToList();
            if (options.Shard is { } shard)
            {
                submissions = shard.Of(submissions);
                log.WriteLine($"grade: shard {shard}: {submissions.Count} of the class's {wholeClass.Count} student(s)");
            }
            // Names and paths in a hand-in are student text too: cleaned before they reach the console.
            foreach (string line in ignored) log.WriteLine($"grade: {StudentText.Clean(line, 1000)}");
            foreach (var submission in submissions) log.WriteLine($"grade: {StudentText.Clean(submission.Describe(), 2000)}");
            foreach (var submission in submissions.Where(s => roster is not null && roster.Find(s.Student) is null))
                log.WriteLine($"grade: warning: {roster!.FileName}: no row for the hand-in {submission.Student}; it is graded and listed without an id.");

            var grader = new StudentGrader(pristine, hostSettings, workRoot, sandbox, cancel);
            var results = new StudentResult[submissions.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, submissions.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallel), CancellationToken = cancel },
                async (n, _) =>
                {
                    results[n] = await grader.GradeAsync(submissions[n]).ConfigureAwait(false);
                    lock (log) log.WriteLine($"grade: {results[n].Student}: {results[n].Score} points ({results[n].Seconds:0.0} s)");
                }).ConfigureAwait(false);

            // A run stopped part-way writes nothing: verdicts of killed processes are not a student's.
            cancel.ThrowIfCancellationRequested();
            var settings = new ReportSettings(containment, Limits(options, limits), options.HiddenVisibility, options.Html, roster);
            var report = new ClassReport(ReportLayout.FromSuite(suiteRoot, pristine.Specs), results, settings, ignored);
            ClassReports.Write(outDir, report);
            if (options.Shard is { } part)
            {
                ShardRecords.Write(outDir, new ShardMarker(ShardMarker.CurrentFormat, part.Index, part.Count, wholeClass,
                    results.Select(r => r.Student).ToList(), fingerprint!, settings.Containment, settings.Limits,
                    settings.HiddenVisibility, settings.Html, report.Layout.Exercises, report.Layout.Headings, ignored, pristine.Specs), results);
            }
            return new GradeRun(results, ignored, containment, report);
        }
        catch (Exception e) when (cancel.IsCancellationRequested && e is not OperationCanceledException)
        {
            // A process ended by the interruption looks like a failed build or run; the interruption is the cause.
            throw new OperationCanceledException("grading was interrupted", e, cancel);
        }
        finally
        {
            if (options.KeepWork) log.WriteLine($"grade: the work area is kept at {workRoot} (--keep-work)");
            else FileTree.DeleteIfExists(workRoot);
        }
    }

    /// <summary>
    /// `convspec grade prepare`: builds the pristine suite into the setup cache (or finds it there) and grades no one, so
    /// that later runs with `--setup-cache` start grading at once (Gradescope's setup.sh does this when it builds the image).
    /// </summary>
    public static async Task PrepareAsync(GradeOptions options, TextWriter log, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        if (options.SetupCache is null) throw new ArgumentException("grade prepare needs --setup-cache: the folder to build the pristine suite into.");
        var sandbox = Sandbox.Choose(options.Sandbox);
        string workRoot = Directory.CreateTempSubdirectory("convspec-grade-").FullName;
        try
        {
            await PristineSuite.PrepareAsync(Path.GetFullPath(options.SuiteRoot), workRoot, HostSettingsOf(options, sandbox, new ResourceLimits()), log, options.SetupCache, cancel)
                .ConfigureAwait(false);
        }
        finally
        {
            FileTree.DeleteIfExists(workRoot);
        }
    }

    private static Func<string, ExerciseHostSettings> HostSettingsOf(GradeOptions options, Sandbox sandbox, ResourceLimits limits) =>
        hostAssembly => new(hostAssembly, sandbox.BwrapPath, options.CallTimeout.TotalSeconds, options.StudentTimeout.TotalSeconds, limits);

    /// <summary>The settings that can change a verdict, for the shards' <see cref="SuiteFingerprint"/>; --parallel and --out cannot.</summary>
    private static string Settings(GradeOptions options) =>
        string.Create(CultureInfo.InvariantCulture,
            $"timeout={options.CallTimeout.TotalSeconds};student-timeout={options.StudentTimeout.TotalSeconds};sandbox={options.Sandbox};intake={options.Limits}");

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
