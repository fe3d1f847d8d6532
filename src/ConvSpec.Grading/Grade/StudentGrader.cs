using System.Diagnostics;
using ConvSpec.Grading.Grade.Delegation;
using ConvSpec.Grading.Grade.Intake;
using ConvSpec.Grading.Grade.Isolation;
using ConvSpec.Grading.Grade.PerExercise;
using ConvSpec.Grading.Grade.Remote;
using ConvSpec.Grading.Grade.Results;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Grading.Grade;

/// <summary>
/// Grades one submission. The starter library is compiled with the student's files in place of the starter's, in
/// the same sandbox as the exercise host (compiling runs no student code, but student text drives the compiler),
/// and put into a copy of the exercise host. Then the graded
/// specs run in a trusted process of their own, calling the student's code in that host, sandboxed; the
/// verdicts come from that process's TRX report, which student code can neither reach nor write.
/// </summary>
/// <param name="cancel">Ends the student's running processes when the whole run is interrupted (<see cref="Grader"/> then writes nothing).</param>
public sealed class StudentGrader(PristineSuite pristine, Func<string, ExerciseHostSettings> hostSettings, string workRoot, Sandbox sandbox,
    CancellationToken cancel = default)
{
    public async Task<StudentResult> GradeAsync(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var clock = Stopwatch.StartNew();
        string workspace = Path.Combine(workRoot, "students", submission.Student);
        FileTree.DeleteIfExists(workspace);
        Directory.CreateDirectory(workspace);
        string sources = Path.Combine(workspace, "src");
        // Made even when nothing was taken: the sandbox mounts it, and a missing folder failed the compilation of a
        // hand-in of stray files, which is graded as the starter.
        Directory.CreateDirectory(sources);
        var studentFiles = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, bytes) in submission.Files)
        {
            string target = Path.Combine(sources, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, bytes).ConfigureAwait(false);
            studentFiles[path] = target;
        }

        string libraryOut = Path.Combine(workspace, "library");
        Directory.CreateDirectory(libraryOut);
        var build = await pristine.Compiler.CompileAsync(studentFiles, sources, Path.Combine(libraryOut, "ConvSpec.dll"), Path.Combine(workspace, "csc.rsp"),
            sandbox, GradeOptions.CompileTimeout, cancel: cancel).ConfigureAwait(false);
        if (!build.Succeeded)
        {
            var errors = Dotnet.ErrorLines(build.Run.Output, sources);
            if (errors.Count == 0) errors = [build.Describe()];
            var none = pristine.Specs.Select(s => new SpecVerdict(s, false, "not run: the submission does not compile", 1)).ToList();
            return new StudentResult(submission.Student, submission.Rejected, errors, none, [], clock.Elapsed.TotalSeconds);
        }

        string host = Path.Combine(workspace, "host");
        FileTree.LinkCopy(pristine.HostOutput, host);
        foreach (string file in new[] { "ConvSpec.dll", "ConvSpec.pdb" })
        {
            if (File.Exists(Path.Combine(libraryOut, file))) FileTree.Replace(Path.Combine(libraryOut, file), Path.Combine(host, file));
        }

        var notes = new List<string>();
        var delegations = Delegations(Path.Combine(libraryOut, "ConvSpec.dll"), notes);
        var upstream = await UpstreamBuild.PrepareAsync(pristine, studentFiles, sources, workspace, sandbox, cancel).ConfigureAwait(false);

        string results = Path.Combine(workspace, "results");
        Directory.CreateDirectory(results);
        string trx = Path.Combine(results, "graded.trx");
        var outcome = await GradedSpecRun.RunAsync(pristine.TestOutput, hostSettings(Path.Combine(host, GradingLayout.ExerciseHostAssembly)),
            Path.Combine(workspace, "host-settings.json"), ("-result-trx", trx), (upstream.Routes, Path.Combine(workspace, "routes.json")), cancel).ConfigureAwait(false);
        var verdicts = DelegationVerdicts.Apply(Verdicts(outcome, TrxResults.Read(trx), notes), delegations, notes);
        notes.AddRange(upstream.Notes(verdicts));
        return new StudentResult(submission.Student, submission.Rejected, [], verdicts, notes, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The delegation rule on the compiled submission, read as metadata in this trusted process and never loaded.</summary>
    private IReadOnlyList<DelegatedCall> Delegations(string studentDll, List<string> notes)
    {
        try
        {
            return pristine.Delegation.Check(studentDll);
        }
        catch (BadImageFormatException e)
        {
            notes.Add($"The grader could not read the compiled submission to check that the hand-written exercises compute their answers themselves ({e.Message}); "
                + "this is a fault of the grader, not of the submission. Ask your instructor to look at it.");
            return [];
        }
    }

    /// <summary>
    /// Each graded spec's verdict from the report. The test run is trusted, so a missing verdict means the grader
    /// itself failed (it ran out of time, say); such specs fail with a note that says so, for the instructor to look at.
    /// </summary>
    private List<SpecVerdict> Verdicts(RunOutcome outcome, IReadOnlyDictionary<string, MethodResult>? methods, List<string> notes)
    {
        var verdicts = new List<SpecVerdict>();
        bool missing = false;
        foreach (GradedSpec spec in pristine.Specs)
        {
            if (outcome.End == RunEnd.Exited && methods is not null && methods.TryGetValue(spec.Method, out var result))
            {
                verdicts.Add(new SpecVerdict(spec, result.Passed, result.Message, result.FailedCases));
                continue;
            }
            verdicts.Add(new SpecVerdict(spec, false, "not graded: the grading run gave no verdict for this spec.", 1));
            missing = true;
        }
        var unreached = verdicts.Where(v => !v.Passed && v.Message.Contains(ExerciseHostClient.BudgetUsedUp, StringComparison.Ordinal))
            .Select(v => v.Spec.Hidden ? $"a hidden spec of {v.Spec.Exercise}" : v.Spec.Method).ToList();
        if (unreached.Count > 0)
            notes.Add("This submission used up its test time (the grader's --student-timeout) before these specs could call it, so they count as failed: "
                + string.Join(", ", unreached) + ". The specs before them kept their verdicts.");
        if (verdicts.Any(v => v.Message.Contains(ExerciseHostClient.NotLoaded, StringComparison.Ordinal)))
            notes.Add("The submission's code did not load: its start (module initializers and what they call) ran past its limit or crashed, "
                + "as the first failed spec says, so no spec could call it. This is the submission's overrun, not a fault of the grader.");
        if (missing)
            notes.Add($"The grading run {outcome.Describe()} without a verdict for every spec; this is a fault of the grader, not of the submission. "
                + "Ask your instructor to look at it.");
        return verdicts;
    }
}
