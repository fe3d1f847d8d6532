using System.Globalization;
using ConvSpec.Grading.Intake;
using ConvSpec.Grading.Isolation;
using ConvSpec.Grading.Reports;
using ConvSpec.Grading.Results;

namespace ConvSpec.Grading;

/// <summary>The outcome of `convspec grade`: every student's result, in student order.</summary>
public sealed record GradeRun(IReadOnlyList<StudentResult> Students, IReadOnlyList<string> Ignored, Sandbox Sandbox);

/// <summary>
/// `convspec grade`: builds the pristine suite once, grades the submissions (several at a time), and writes
/// grades.csv, feedback/&lt;student&gt;.md and &lt;student&gt;/results.json, which depend only on the inputs. Timings
/// go to timing.csv, apart from them.
/// </summary>
public static class Grader
{
    public static async Task<GradeRun> GradeAsync(GradeOptions options, TextWriter log)
    {
        if (!Directory.Exists(options.SubmissionsDir))
            throw new InvalidOperationException($"the submissions folder {options.SubmissionsDir} does not exist.");
        string outDir = Path.GetFullPath(options.OutDir);
        Directory.CreateDirectory(outDir);
        string workRoot = Path.Combine(outDir, ".work");
        Directory.CreateDirectory(workRoot);

        var sandbox = Sandbox.Choose(options.SandboxMode);
        log.WriteLine($"grade: sandbox: {sandbox.Describe()}");
        var pristine = await PristineSuite.PrepareAsync(Path.GetFullPath(options.SuiteRoot), workRoot, log).ConfigureAwait(false);
        var (submissions, ignored) = SubmissionReader.ReadAll(options.SubmissionsDir, pristine.SubmitPaths, options.Limits);
        foreach (string line in ignored) log.WriteLine($"grade: {line}");

        var grader = new StudentGrader(pristine, sandbox, options with { OutDir = outDir }, workRoot);
        var results = new StudentResult[submissions.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, submissions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallel) },
            async (n, _) =>
            {
                results[n] = await grader.GradeAsync(submissions[n]).ConfigureAwait(false);
                lock (log) log.WriteLine($"grade: {results[n].Student}: {results[n].Score} points ({results[n].Seconds:0.0} s)");
            }).ConfigureAwait(false);

        Write(outDir, pristine.Specs, results, sandbox);
        return new GradeRun(results, ignored, sandbox);
    }

    private static void Write(string outDir, IReadOnlyList<GradedSpec> specs, IReadOnlyList<StudentResult> results, Sandbox sandbox)
    {
        var exercises = specs.Select(s => s.Exercise).Distinct().Order(StringComparer.Ordinal).ToList();
        File.WriteAllText(Path.Combine(outDir, "grades.csv"), GradesCsv.Make(exercises, results));
        string feedback = Path.Combine(outDir, "feedback");
        Directory.CreateDirectory(feedback);
        foreach (var student in results)
        {
            File.WriteAllText(Path.Combine(feedback, student.Student + ".md"), Feedback.Make(student, exercises, sandbox.Describe()));
            Directory.CreateDirectory(Path.Combine(outDir, student.Student));
            File.WriteAllText(Path.Combine(outDir, student.Student, "results.json"), GradescopeJson.Make(student));
        }
        File.WriteAllLines(Path.Combine(outDir, "timing.csv"),
            ["student,seconds", .. results.Select(r => r.Student + "," + r.Seconds.ToString("0.0", CultureInfo.InvariantCulture))]);
    }
}
