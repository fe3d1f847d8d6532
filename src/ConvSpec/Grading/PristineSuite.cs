using ConvSpec.Grading.Isolation;
using ConvSpec.Grading.Results;

namespace ConvSpec.Grading;

/// <summary>
/// The suite as the instructor keeps it, built once per grading run: its graded spec project's output (the
/// test assembly every student's code is run with, hidden specs included), the manifest of graded specs read
/// from its own passing run, and and the compiler call that builds the starter library, which each submission's
/// files are compiled with.
/// </summary>
public sealed class PristineSuite
{
    private PristineSuite(string testOutput, LibraryCompiler compiler, IReadOnlyList<GradedSpec> specs, IReadOnlySet<string> submitPaths)
    {
        TestOutput = testOutput;
        Compiler = compiler;
        Specs = specs;
        SubmitPaths = submitPaths;
    }

    public const string TestAssembly = "ConvSpec.Tests.Graded.dll";

    /// <summary>Build output of the graded spec project, with the reference ConvSpec.dll.</summary>
    public string TestOutput { get; }

    /// <summary>Compiles the starter library with a student's files in place of the starter's.</summary>
    public LibraryCompiler Compiler { get; }

    public IReadOnlyList<GradedSpec> Specs { get; }

    public IReadOnlySet<string> SubmitPaths { get; }

    public static async Task<PristineSuite> PrepareAsync(string suiteRoot, string workRoot, TextWriter log)
    {
        string source = Path.Combine(workRoot, "pristine");
        FileTree.DeleteIfExists(source);
        IReadOnlyList<string> files = SuiteFiles.List(suiteRoot);
        FileTree.CopyFiles(suiteRoot, source, files);

        log.WriteLine("grade: building the pristine suite's graded specs once");
        string testOutput = Path.Combine(workRoot, "pristine-tests");
        var build = await Dotnet.BuildAsync(Path.Combine(source, GradingLayout.GradedProject), testOutput, source, GradeOptions.BuildTimeout)
            .ConfigureAwait(false);
        if (build is not { End: RunEnd.Exited, ExitCode: 0 })
            throw new InvalidOperationException($"the pristine suite does not build ({build.Describe()}):\n{build.Output}");

        log.WriteLine("grade: running them on the reference solution");
        string reference = Path.Combine(workRoot, "pristine-results");
        Directory.CreateDirectory(reference);
        string xml = Path.Combine(reference, "reference.xml");
        var run = await LimitedProcess.RunAsync("dotnet", ["exec", TestAssembly, "-noLogo", "-noColor", "-result-xml", xml], testOutput,
            Dotnet.Environment, new RunLimits(TimeSpan.FromMinutes(5))).ConfigureAwait(false);
        if (run.End != RunEnd.Exited || !File.Exists(xml))
            throw new InvalidOperationException($"the graded specs did not run on the reference solution ({run.Describe()}):\n{run.Output}");
        IReadOnlyList<GradedSpec> specs = SpecManifest.FromXunitXml(xml);

        var starters = Assigner.StarterFiles(source);
        string libraryBase = Path.Combine(workRoot, "library-base");
        FileTree.DeleteIfExists(libraryBase);
        FileTree.CopyFiles(source, libraryBase, files.Where(f =>
            GradingLayout.BuildRootFiles.Contains(f) || GradingLayout.LibraryBuildFolders.Any(folder => f.StartsWith(folder, StringComparison.Ordinal))));
        foreach (var (path, text) in starters)
        {
            if (!File.Exists(Path.Combine(libraryBase, path)))
                throw new InvalidOperationException($"{path} has solution regions but is outside the library ({GradingLayout.LibraryProject}); grading compiles only the library.");
            File.WriteAllText(Path.Combine(libraryBase, path), text);
        }
        log.WriteLine("grade: building the starter library once, recording the compiler call");
        var compiler = await LibraryCompiler.CaptureAsync(libraryBase, workRoot).ConfigureAwait(false);
        return new PristineSuite(testOutput, compiler, specs, new SortedSet<string>(starters.Keys, StringComparer.Ordinal));
    }
}
