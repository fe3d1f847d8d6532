using System.Globalization;
using ConvSpec.Grading.Grade.Intake;
using ConvSpec.Grading.Grade.Isolation;
using ConvSpec.Grading.Grade.Remote;
using ConvSpec.Grading.Grade.Reports;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade;

/// <summary>The outcome of `convspec grade`: every student's result, in student order, and how student code was contained.</summary>
public sealed record GradeRun(IReadOnlyList<StudentResult> Students, IReadOnlyList<string> Ignored, string Containment);

/// <summary>
/// `convspec grade`: builds the pristine suite once, grades the submissions (several at a time), and writes
/// grades.csv, feedback/&lt;student&gt;.md and &lt;student&gt;/results.json, which depend only on the inputs. Timings
/// go to timing.csv, apart from them.
/// </summary>
public static class Grader
{
    public static async Task<GradeRun> GradeAsync(GradeOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        if (!Directory.Exists(options.SubmissionsDir))
            throw new DirectoryNotFoundException($"the submissions folder {options.SubmissionsDir} does not exist.");
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

            var grader = new StudentGrader(pristine, HostSettings, workRoot, sandbox);
            var results = new StudentResult[submissions.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, submissions.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallel) },
                async (n, _) =>
                {
                    results[n] = await grader.GradeAsync(submissions[n]).ConfigureAwait(false);
                    lock (log) log.WriteLine($"grade: {results[n].Student}: {results[n].Score} points ({results[n].Seconds:0.0} s)");
                }).ConfigureAwait(false);

            Write(outDir, pristine.Specs, results, containment);
            return new GradeRun(results, ignored, containment);
        }
        finally
        {
            if (options.KeepWork) log.WriteLine($"grade: the work area is kept at {workRoot} (--keep-work)");
            else FileTree.DeleteIfExists(workRoot);
        }
    }

    /// <summary>The sandbox and the resource limits, in words, for the log and every feedback file.</summary>
    private static string Containment(Sandbox sandbox, ResourceLimits limits)
    {
        string resources = ControlGroup.CanCreate(limits, out string why)
            ? $"a control group limits it to {limits.Describe()}"
            : $"NO control group could be made ({why}), so only its managed heap is limited";
        return $"{sandbox.Describe()}; {resources}";
    }

    private static void Write(string outDir, IReadOnlyList<GradedSpec> specs, IReadOnlyList<StudentResult> results, string containment)
    {
        var exercises = specs.Select(s => s.Exercise).Distinct().Order(StringComparer.Ordinal).ToList();
        File.WriteAllText(Path.Combine(outDir, "grades.csv"), GradesCsv.Make(exercises, results));
        string feedback = Path.Combine(outDir, "feedback");
        Directory.CreateDirectory(feedback);
        foreach (var student in results)
        {
            File.WriteAllText(Path.Combine(feedback, student.Student + ".md"), Feedback.Make(student, exercises, containment));
            Directory.CreateDirectory(Path.Combine(outDir, student.Student));
            File.WriteAllText(Path.Combine(outDir, student.Student, "results.json"), GradescopeJson.Make(student));
        }
        File.WriteAllLines(Path.Combine(outDir, "timing.csv"),
            ["student,seconds", .. results.Select(r => r.Student + "," + r.Seconds.ToString("0.0", CultureInfo.InvariantCulture))]);
    }
}
