using ConvSpec.Grading.Assign;
using ConvSpec.Grading.Grade.Delegation;
using ConvSpec.Grading.Grade.Isolation;
using ConvSpec.Grading.Grade.Remote;
using ConvSpec.Grading.Grade.Results;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Grading.Grade;

/// <summary>
/// The suite as the instructor keeps it, built once per grading run (or kept between runs: <see cref="SetupCache"/>):
/// the graded specs' test assembly (hidden specs included), the exercise host that answers for a submission, the
/// manifest of graded specs read from their passing run against the reference solution, and the compiler call that
/// builds the starter library, which each submission's files are compiled with.
/// </summary>
public sealed class PristineSuite
{
    private PristineSuite(string testOutput, string hostOutput, LibraryCompiler compiler, IReadOnlyList<GradedSpec> specs, IReadOnlySet<string> submitPaths,
        string solution, DelegationCheck delegation)
    {
        Solution = solution;
        Delegation = delegation;
        TestOutput = testOutput;
        HostOutput = hostOutput;
        Compiler = compiler;
        Specs = specs;
        SubmitPaths = submitPaths;
    }

    /// <summary>Build output of the graded spec project, with the reference ConvSpec.dll: the trusted test host.</summary>
    public string TestOutput { get; }

    /// <summary>Build output of the exercise host, with the reference ConvSpec.dll, which each submission's replaces.</summary>
    public string HostOutput { get; }

    /// <summary>Compiles the starter library with a student's files in place of the starter's.</summary>
    public LibraryCompiler Compiler { get; }

    public IReadOnlyList<GradedSpec> Specs { get; }

    public IReadOnlySet<string> SubmitPaths { get; }

    /// <summary>The copy of the suite with the reference solution: its SUBMIT.txt files stand in for the exercises a dependent exercise builds on.</summary>
    public string Solution { get; }

    /// <summary>The delegation rule, with what the reference solution's hand-written code itself uses.</summary>
    public DelegationCheck Delegation { get; }

    /// <summary>
    /// The pristine suite for one grading run: built into <paramref name="workRoot"/>, or, with <paramref name="setupCache"/>
    /// (`--setup-cache`), taken from that folder when an earlier run built it from the same suite with the same grader
    /// (<see cref="SetupCache"/>), and built there otherwise.
    /// </summary>
    /// <param name="hostSettings">The settings every exercise host runs with, given the host assembly to run.</param>
    public static async Task<PristineSuite> PrepareAsync(string suiteRoot, string workRoot, Func<string, ExerciseHostSettings> hostSettings, TextWriter log,
        string? setupCache = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(hostSettings);
        ArgumentNullException.ThrowIfNull(log);
        string setupRoot = workRoot;
        if (setupCache is null) await BuildAsync(suiteRoot, workRoot, hostSettings, log, cancel).ConfigureAwait(false);
        else setupRoot = await SetupCache.ObtainAsync(setupCache, suiteRoot, root => BuildAsync(suiteRoot, root, hostSettings, log, cancel), log, cancel).ConfigureAwait(false);
        return Load(setupRoot, workRoot);
    }

    /// <summary>
    /// Builds the pristine suite into <paramref name="setupRoot"/>: a copy of the suite, the graded specs and the exercise
    /// host, their run on the reference solution (which must pass), and the starter library with its compiler call.
    /// </summary>
    private static async Task BuildAsync(string suiteRoot, string setupRoot, Func<string, ExerciseHostSettings> hostSettings, TextWriter log, CancellationToken cancel)
    {
        string source = Path.Combine(setupRoot, SourceFolder);
        FileTree.DeleteIfExists(source);
        IReadOnlyList<string> files = SuiteFiles.List(suiteRoot);
        FileTree.CopyFiles(suiteRoot, source, files);

        log.WriteLine("grade: building the pristine suite's graded specs and exercise host once");
        string testOutput = await BuildAsync(source, GradingLayout.GradedProject, Path.Combine(setupRoot, TestsFolder), cancel).ConfigureAwait(false);
        string hostOutput = await BuildAsync(source, GradingLayout.ExerciseHostProject, Path.Combine(setupRoot, HostFolder), cancel).ConfigureAwait(false);

        log.WriteLine("grade: running them through the exercise host on the reference solution");
        string reference = Path.Combine(setupRoot, ResultsFolder);
        FileTree.DeleteIfExists(reference);
        Directory.CreateDirectory(reference);
        string xml = Path.Combine(reference, ReferenceReport);
        var run = await GradedSpecRun.RunAsync(testOutput, hostSettings(Path.Combine(hostOutput, GradingLayout.ExerciseHostAssembly)),
            Path.Combine(reference, "host-settings.json"), ("-result-xml", xml), cancel: cancel).ConfigureAwait(false);
        if (run.End != RunEnd.Exited || !File.Exists(xml))
            throw new InvalidOperationException($"the graded specs did not run on the reference solution ({run.Describe()}):\n{run.Output}");
        SpecManifest.FromXunitXml(xml);

        string libraryBase = Path.Combine(setupRoot, LibraryFolder);
        FileTree.DeleteIfExists(libraryBase);
        // The library a student's files are compiled into is the starter's: no instructor-only file, so no second
        // answer (FastConvolution, the convolution matrix) that a submission could call.
        FileTree.CopyFiles(source, libraryBase, files.Where(f => !GradingLayout.IsInstructorOnly(f) && (
            GradingLayout.BuildRootFiles.Contains(f) || GradingLayout.LibraryBuildFolders.Any(folder => f.StartsWith(folder, StringComparison.Ordinal)))));
        foreach (var (path, text) in Assigner.StarterFiles(source))
        {
            if (!File.Exists(Path.Combine(libraryBase, path)))
                throw new InvalidOperationException($"{path} has solution regions but is outside the library ({GradingLayout.LibraryProject}); grading compiles only the library.");
            File.WriteAllText(Path.Combine(libraryBase, path), text);
        }
        log.WriteLine("grade: building the starter library once, recording the compiler call");
        await LibraryCompiler.CaptureAsync(libraryBase, setupRoot, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// The pristine suite that <see cref="BuildAsync(string, string, Func{string, ExerciseHostSettings}, TextWriter, CancellationToken)"/> left in
    /// <paramref name="setupRoot"/>. A kept setup's exercise host is first linked into <paramref name="workRoot"/>, so that each student's
    /// copy of it is made of hard links within one file system, wherever the setup cache lies.
    /// </summary>
    private static PristineSuite Load(string setupRoot, string workRoot)
    {
        string source = Path.Combine(setupRoot, SourceFolder);
        string hostOutput = Path.Combine(setupRoot, HostFolder);
        if (setupRoot != workRoot)
        {
            string local = Path.Combine(workRoot, HostFolder);
            FileTree.LinkOrCopy(hostOutput, local);
            hostOutput = local;
        }
        var specs = SpecManifest.FromXunitXml(Path.Combine(setupRoot, ResultsFolder, ReferenceReport));
        var compiler = LibraryCompiler.Load(Path.Combine(setupRoot, LibraryFolder), setupRoot);
        var delegation = DelegationCheck.FromReference(Path.Combine(hostOutput, "ConvSpec.dll"));
        var submitPaths = new SortedSet<string>(Assigner.StarterFiles(source).Keys, StringComparer.Ordinal);
        return new PristineSuite(Path.Combine(setupRoot, TestsFolder), hostOutput, compiler, specs, submitPaths, source, delegation);
    }

    private const string SourceFolder = "pristine", TestsFolder = "pristine-tests", HostFolder = "pristine-host", ResultsFolder = "pristine-results",
        LibraryFolder = "library-base", ReferenceReport = "reference.xml";

    private static async Task<string> BuildAsync(string source, string project, string output, CancellationToken cancel)
    {
        var build = await Dotnet.BuildAsync(Path.Combine(source, project), output, source, GradeOptions.BuildTimeout, [], cancel).ConfigureAwait(false);
        if (build is not { End: RunEnd.Exited, ExitCode: 0 })
            throw new InvalidOperationException($"the pristine suite's {project} does not build ({build.Describe()}):\n{build.Output}");
        return output;
    }
}
