using System.Diagnostics;
using ConvSpec.Grading.Intake;
using ConvSpec.Grading.Isolation;
using ConvSpec.Grading.Results;

namespace ConvSpec.Grading;

/// <summary>
/// Grades one submission: the starter library is compiled with the student's files in place of the
/// starter's (a trusted step: compiling runs no student code); the pristine test output, with the student's ConvSpec.dll in place of the
/// reference one, runs in the sandbox with its TRX written to a fresh results folder. When that run does not
/// end cleanly with a report that names exactly the graded specs (a timeout, a crash, Environment.Exit, too much
/// output), every spec is run again in a process of its own, so one bad method costs only its own specs.
/// </summary>
public sealed class StudentGrader(PristineSuite pristine, Sandbox sandbox, GradeOptions options, string workRoot)
{
    private static readonly IReadOnlyDictionary<string, string> TestEnvironment = new Dictionary<string, string>(Dotnet.Environment)
    {
        ["DOTNET_GCHeapHardLimit"] = "0x40000000", // 1 GiB of managed heap per test host
        ["DOTNET_gcServer"] = "0",
    };

    public async Task<StudentResult> GradeAsync(Submission submission)
    {
        var clock = Stopwatch.StartNew();
        string workspace = Path.Combine(workRoot, "students", submission.Student);
        FileTree.DeleteIfExists(workspace);
        Directory.CreateDirectory(workspace);
        string sources = Path.Combine(workspace, "src");
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
        var build = await pristine.Compiler.CompileAsync(studentFiles, Path.Combine(libraryOut, "ConvSpec.dll"), Path.Combine(workspace, "csc.rsp"))
            .ConfigureAwait(false);
        if (build is not { End: RunEnd.Exited, ExitCode: 0 })
        {
            var errors = Dotnet.ErrorLines(build.Output, sources);
            if (errors.Count == 0) errors = [$"the compiler {build.Describe()}"];
            var none = pristine.Specs.Select(s => new SpecVerdict(s, false, "not run: the submission does not compile")).ToList();
            return new StudentResult(submission.Student, submission.Rejected, errors, none, [], clock.Elapsed.TotalSeconds);
        }

        string run = Path.Combine(workspace, "run");
        FileTree.LinkCopy(pristine.TestOutput, run);
        foreach (string file in new[] { "ConvSpec.dll", "ConvSpec.pdb" })
        {
            if (File.Exists(Path.Combine(libraryOut, file))) FileTree.Replace(Path.Combine(libraryOut, file), Path.Combine(run, file));
        }
        string results = Path.Combine(workspace, "results");
        Directory.CreateDirectory(results);

        var notes = new List<string>();
        var verdicts = await RunAllAsync(run, results, notes).ConfigureAwait(false)
            ?? await RunEachAsync(run, results, clock).ConfigureAwait(false);
        return new StudentResult(submission.Student, submission.Rejected, [], verdicts, notes, clock.Elapsed.TotalSeconds);
    }

    /// <summary>All specs in one process; null when its report cannot be trusted to be complete.</summary>
    private async Task<List<SpecVerdict>?> RunAllAsync(string run, string results, List<string> notes)
    {
        string trx = Path.Combine(results, "all.trx");
        var outcome = await RunTestsAsync(run, results, trx, [], options.TestTimeout * 3).ConfigureAwait(false);
        var methods = outcome.End == RunEnd.Exited ? TrxResults.Read(trx) : null;
        bool complete = methods is not null
            && methods.Keys.Order(StringComparer.Ordinal).SequenceEqual(pristine.Specs.Select(s => s.Method), StringComparer.Ordinal)
            && (outcome.ExitCode == 0) == methods.Values.All(m => m.Passed);
        if (complete)
            return pristine.Specs.Select(s => Verdict(s, methods![s.Method])).ToList();

        notes.Add($"The run of all specs together {outcome.Describe()} without a complete report, so each spec was run in a process of its own "
            + $"(limit {options.TestTimeout.TotalSeconds:0.#} s each).{Tail(outcome.Output)}");
        return null;
    }

    /// <summary>Each spec in a process of its own, with its own time limit, until the student's time budget is spent.</summary>
    private async Task<List<SpecVerdict>> RunEachAsync(string run, string results, Stopwatch clock)
    {
        var verdicts = new List<SpecVerdict>();
        for (int n = 0; n < pristine.Specs.Count; n++)
        {
            GradedSpec spec = pristine.Specs[n];
            if (clock.Elapsed > options.StudentTimeout)
            {
                verdicts.Add(new SpecVerdict(spec, false, $"not run: this submission used up its {options.StudentTimeout.TotalSeconds:0} s of test time."));
                continue;
            }
            string trx = Path.Combine(results, $"spec-{n:D3}.trx");
            var outcome = await RunTestsAsync(run, results, trx, ["-method", spec.Method], options.TestTimeout).ConfigureAwait(false);
            var methods = outcome.End == RunEnd.Exited ? TrxResults.Read(trx) : null;
            if (methods is not null && methods.Count == 1 && methods.TryGetValue(spec.Method, out var result)
                && (outcome.ExitCode == 0) == result.Passed)
                verdicts.Add(Verdict(spec, result));
            else
                verdicts.Add(new SpecVerdict(spec, false, $"the test process {outcome.Describe()} without a report for this spec.{Tail(outcome.Output)}"));
        }
        return verdicts;
    }

    private async Task<RunOutcome> RunTestsAsync(string run, string results, string trx, IEnumerable<string> filter, TimeSpan timeout)
    {
        var command = new List<string> { "dotnet", "exec", PristineSuite.TestAssembly, "-noLogo", "-noColor", "-result-trx", trx };
        command.AddRange(filter);
        var hidden = new[] { options.OutDir, options.SubmissionsDir, options.SuiteRoot, workRoot }.Select(Path.GetFullPath);
        var (fileName, args) = sandbox.Wrap(command, run, results, hidden);
        return await LimitedProcess.RunAsync(fileName, args, run, TestEnvironment,
            new RunLimits(timeout, WatchedFolder: results)).ConfigureAwait(false);
    }

    private static SpecVerdict Verdict(GradedSpec spec, MethodResult result) => new(spec, result.Passed, result.Message);

    /// <summary>The start of a run's output without the runner's own progress lines, which carry timings.</summary>
    private static string Tail(string output)
    {
        string[] runnerLines = ["Discovering:", "Discovered:", "Starting:", "Finished:", "=== TEST EXECUTION SUMMARY ===", "Total:"];
        string trimmed = string.Join("\n", output.Split('\n')
            .Where(line => !runnerLines.Any(r => line.Contains(r, StringComparison.Ordinal)))
            .Select(line => line.TrimEnd())
            .Where(line => line.Length > 0)).Trim();
        if (trimmed.Length == 0) return "";
        return "\nOutput (start):\n" + (trimmed.Length > 1500 ? trimmed[..1500] + " …" : trimmed);
    }
}
