using System.Globalization;
using ConvSpec.Grading.Grade.Isolation;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Grading.Grade;

/// <summary>
/// Compiles a student's version of the library without MSBuild: the pristine suite's build of the starter
/// library records the exact compiler command line (MSBuild's CscCommandLineArgs), and each student's
/// compilation reruns it with the student's files in place of the starter's and warnings not treated as
/// errors. Restore, project evaluation and the copy of TorchSharp's natives happen once per grading run.
/// </summary>
public sealed class LibraryCompiler
{
    private const string CaptureTargets = """
        <Project>
          <Target Name="ConvSpecCaptureCompilerCall" AfterTargets="CoreCompile">
            <WriteLinesToFile File="$(ConvSpecCompilerArgs)" Lines="@(CscCommandLineArgs)" Overwrite="true" />
            <WriteLinesToFile File="$(ConvSpecCompilerArgs).roslyn" Lines="$(RoslynTargetsPath)" Overwrite="true" />
          </Target>
        </Project>
        """;

    private readonly string _projectFolder;
    private readonly string _suiteRoot;
    private readonly string _compiler;
    private readonly IReadOnlyList<string> _arguments;
    private readonly IReadOnlyList<string> _outsideFiles;
    private static int _compilations;

    private LibraryCompiler(string suiteRoot, string projectFolder, string compiler, IReadOnlyList<string> arguments)
    {
        _suiteRoot = suiteRoot;
        _projectFolder = projectFolder;
        _compiler = compiler;
        _arguments = arguments;
        _outsideFiles = OutsideFiles(arguments, _suiteRoot);
    }

    /// <summary>
    /// The files the compiler call names outside the starter library and the system folders (NuGet packages' reference
    /// assemblies, say): each is mounted on its own for the confined compiler, not the folder it lies in.
    /// </summary>
    private static List<string> OutsideFiles(IEnumerable<string> arguments, string suiteRoot) =>
        arguments
            .Select(a => a.StartsWith('/') && a.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? a[(colon + 1)..] : a)
            .Select(path => path.Trim('"'))
            .Where(path => Path.IsPathRooted(path) && File.Exists(path)
                && !path.StartsWith("/usr/", StringComparison.Ordinal) && !path.StartsWith(suiteRoot + "/", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Builds the starter library once (which also proves the starter compiles) and records the compiler call in <paramref name="setupRoot"/>.</summary>
    public static async Task CaptureAsync(string libraryBase, string setupRoot, CancellationToken cancel = default)
    {
        string targets = Path.Combine(setupRoot, "capture-compiler-call.targets");
        await File.WriteAllTextAsync(targets, CaptureTargets, cancel).ConfigureAwait(false);
        string argsFile = ArgumentsFile(setupRoot);
        string project = Path.Combine(libraryBase, GradingLayout.LibraryProject);
        var build = await Dotnet.BuildAsync(project, Path.Combine(setupRoot, "starter-library"), libraryBase, GradeOptions.BuildTimeout,
            ["-p:ProvideCommandLineArgs=true", $"-p:CustomAfterMicrosoftCommonTargets={targets}", $"-p:ConvSpecCompilerArgs={argsFile}"], cancel).ConfigureAwait(false);
        if (build is not { End: RunEnd.Exited, ExitCode: 0 } || !File.Exists(argsFile))
            throw new InvalidOperationException($"the starter library does not build ({build.Describe()}):\n{build.Output}");
    }

    /// <summary>The compiler call that <see cref="CaptureAsync"/> recorded in <paramref name="setupRoot"/>, for a setup that is reused.</summary>
    public static LibraryCompiler Load(string libraryBase, string setupRoot)
    {
        string argsFile = ArgumentsFile(setupRoot);
        string roslyn = File.ReadAllText(argsFile + ".roslyn").Trim();
        string compiler = Path.Combine(roslyn, "bincore", "csc.dll");
        if (!File.Exists(compiler))
            throw new InvalidOperationException($"the C# compiler was not found at {compiler}.");
        var args = File.ReadAllLines(argsFile)
            .Where(a => a.Length > 0 && a != "/noconfig" && !a.StartsWith("/warnaserror", StringComparison.Ordinal)
                && !a.StartsWith("/refout:", StringComparison.Ordinal) && !a.StartsWith("/errorlog:", StringComparison.Ordinal)
                && !a.StartsWith("/out:", StringComparison.Ordinal))
            .ToList();
        return new LibraryCompiler(Path.TrimEndingDirectorySeparator(Path.GetFullPath(libraryBase)),
            Path.GetDirectoryName(Path.Combine(libraryBase, GradingLayout.LibraryProject))!, compiler, args);
    }

    private static string ArgumentsFile(string setupRoot) => Path.Combine(setupRoot, "compiler-call.txt");

    /// <summary>What one compilation of a student's files may use: it runs in a control group of its own.</summary>
    public static readonly ResourceLimits Limits = new(MemoryBytes: 1024L * 1024 * 1024, Processes: 64, Cpus: 1);

    /// <summary>
    /// Compiles with <paramref name="studentFiles"/> (suite-relative path → file on disk, under <paramref name="studentRoot"/>)
    /// into <paramref name="outputDll"/>, as one compiler process confined like the exercise host (no compiler server: it
    /// would outlive the limits and serve every student from one process). It reads the starter library's sources, the
    /// student's, the references and the response file, and writes only the output folder. Source paths are mapped to
    /// /submission/… and /suite/…, so a stack trace that reaches the student names their file as they know it and no
    /// folder of the grader's. Files may also come from <paramref name="solutionRoot"/>, the suite with the reference
    /// solution (mapped to /suite/ too, and readable by the compiler).
    /// </summary>
    public async Task<Compilation> CompileAsync(
        IReadOnlyDictionary<string, string> studentFiles, string studentRoot, string outputDll, string responseFile, Sandbox sandbox, TimeSpan timeout,
        string? solutionRoot = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(studentFiles);
        ArgumentNullException.ThrowIfNull(sandbox);
        string projectPrefix = Path.GetDirectoryName(GradingLayout.LibraryProject)!.Replace('\\', '/') + "/";
        var replaced = studentFiles.ToDictionary(f => f.Key[projectPrefix.Length..], f => f.Value, StringComparer.Ordinal);
        var lines = _arguments.Select(a => replaced.TryGetValue(a, out string? student) ? Quote(student) : a).ToList();
        lines.Add("/warnaserror-");
        // The SDK's code-style and quality analyzers only warn; source generators (GeneratedRegex) still run.
        lines.Add("/skipanalyzers+");
        string solutionMap = solutionRoot is null ? "" : $",{Path.TrimEndingDirectorySeparator(solutionRoot)}/=/suite/";
        lines.Add(Quote($"/pathmap:{Path.TrimEndingDirectorySeparator(studentRoot)}/=/submission/,{_suiteRoot}/=/suite/{solutionMap}"));
        lines.Add("/out:" + Quote(outputDll));
        await File.WriteAllLinesAsync(responseFile, lines, cancel).ConfigureAwait(false);

        string output = Path.GetDirectoryName(Path.GetFullPath(outputDll))!;
        string[] solution = solutionRoot is null ? [] : [Path.GetFullPath(solutionRoot)];
        var paths = new SandboxPaths(_projectFolder, [_suiteRoot, Path.GetFullPath(studentRoot), Path.GetFullPath(responseFile), .. solution, .. _outsideFiles], [output]);
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_GCHeapHardLimit"] = "0x" + (Limits.MemoryBytes * 3 / 4).ToString("x", CultureInfo.InvariantCulture),
        };
        Launch launch = sandbox.Confine([Sandbox.DotnetMuxer, "exec", _compiler, "/nologo", "@" + responseFile], paths, environment);
        using var group = ControlGroup.TryCreate($"convspec-compile-{Environment.ProcessId}-{Interlocked.Increment(ref _compilations)}", Limits, out _);
        if (group is not null) launch = group.Wrap(launch);
        var run = await LimitedProcess.RunAsync(launch, new RunLimits(timeout, KeptOutputChars: 64 * 1024, MaxOutputBytes: 64L * 1024 * 1024), cancel).ConfigureAwait(false);
        return new Compilation(run, timeout, group?.OutOfMemoryKills() > 0);
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}

/// <summary>How one student's compilation ended, in words for the feedback when it gave no error lines.</summary>
public sealed record Compilation(RunOutcome Run, TimeSpan Timeout, bool OutOfMemory)
{
    public bool Succeeded => Run is { End: RunEnd.Exited, ExitCode: 0 };

    /// <summary>The exit code of a process ended by SIGKILL (128 + 9), which the confined compiler gets only from the kernel at one of its limits.</summary>
    private const int Killed = 137;

    public string Describe() =>
        OutOfMemory ? $"the compiler ran out of memory ({LibraryCompiler.Limits.MemoryBytes / (1024 * 1024)} MiB) and was stopped"
        : Run is { End: RunEnd.Exited, ExitCode: Killed } ? $"the compiler was killed by the kernel at one of its limits (most likely its {LibraryCompiler.Limits.MemoryBytes / (1024 * 1024)} MiB of memory)"
        : Run.End == RunEnd.TimedOut ? string.Create(CultureInfo.InvariantCulture, $"the compiler was stopped at its time limit of {Timeout.TotalSeconds:0} s")
        : $"the compiler {Run.Describe()}";
}
