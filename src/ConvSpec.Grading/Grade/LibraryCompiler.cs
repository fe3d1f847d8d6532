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

    private LibraryCompiler(string suiteRoot, string projectFolder, string compiler, IReadOnlyList<string> arguments)
    {
        _suiteRoot = suiteRoot;
        _projectFolder = projectFolder;
        _compiler = compiler;
        _arguments = arguments;
    }

    /// <summary>Builds the starter library once (which also proves the starter compiles) and records the compiler call.</summary>
    public static async Task<LibraryCompiler> CaptureAsync(string libraryBase, string workRoot)
    {
        string targets = Path.Combine(workRoot, "capture-compiler-call.targets");
        await File.WriteAllTextAsync(targets, CaptureTargets).ConfigureAwait(false);
        string argsFile = Path.Combine(workRoot, "compiler-call.txt");
        string project = Path.Combine(libraryBase, GradingLayout.LibraryProject);
        var build = await Dotnet.BuildAsync(project, Path.Combine(workRoot, "starter-library"), libraryBase, GradeOptions.BuildTimeout,
            "-p:ProvideCommandLineArgs=true", $"-p:CustomAfterMicrosoftCommonTargets={targets}", $"-p:ConvSpecCompilerArgs={argsFile}").ConfigureAwait(false);
        if (build is not { End: RunEnd.Exited, ExitCode: 0 } || !File.Exists(argsFile))
            throw new InvalidOperationException($"the starter library does not build ({build.Describe()}):\n{build.Output}");

        string roslyn = (await File.ReadAllTextAsync(argsFile + ".roslyn").ConfigureAwait(false)).Trim();
        string compiler = Path.Combine(roslyn, "bincore", "csc.dll");
        if (!File.Exists(compiler))
            throw new InvalidOperationException($"the C# compiler was not found at {compiler}.");
        var args = (await File.ReadAllLinesAsync(argsFile).ConfigureAwait(false))
            .Where(a => a.Length > 0 && a != "/noconfig" && !a.StartsWith("/warnaserror", StringComparison.Ordinal)
                && !a.StartsWith("/refout:", StringComparison.Ordinal) && !a.StartsWith("/errorlog:", StringComparison.Ordinal)
                && !a.StartsWith("/out:", StringComparison.Ordinal))
            .ToList();
        return new LibraryCompiler(Path.TrimEndingDirectorySeparator(Path.GetFullPath(libraryBase)), Path.GetDirectoryName(project)!, compiler, args);
    }

    /// <summary>
    /// Compiles with <paramref name="studentFiles"/> (suite-relative path → file on disk, under <paramref name="studentRoot"/>)
    /// into <paramref name="outputDll"/>. Source paths are mapped to /submission/… and /suite/…, so a stack trace that
    /// reaches the student names their file as they know it and no folder of the grader's. Files may also come from
    /// <paramref name="solutionRoot"/>, the suite with the reference solution (mapped to /suite/ too).
    /// </summary>
    public async Task<RunOutcome> CompileAsync(IReadOnlyDictionary<string, string> studentFiles, string studentRoot, string outputDll, string responseFile,
        string? solutionRoot = null)
    {
        string projectPrefix = Path.GetDirectoryName(GradingLayout.LibraryProject)!.Replace('\\', '/') + "/";
        var replaced = studentFiles.ToDictionary(f => f.Key[projectPrefix.Length..], f => f.Value, StringComparer.Ordinal);
        var lines = _arguments.Select(a => replaced.TryGetValue(a, out string? student) ? Quote(student) : a).ToList();
        lines.Add("/warnaserror-");
        string solutionMap = solutionRoot is null ? "" : $",{Path.TrimEndingDirectorySeparator(solutionRoot)}/=/suite/";
        lines.Add(Quote($"/pathmap:{Path.TrimEndingDirectorySeparator(studentRoot)}/=/submission/,{_suiteRoot}/=/suite/{solutionMap}"));
        lines.Add("/out:" + Quote(outputDll));
        await File.WriteAllLinesAsync(responseFile, lines).ConfigureAwait(false);
        return await LimitedProcess.RunAsync("dotnet", ["exec", _compiler, "/nologo", "/shared", "@" + responseFile], _projectFolder,
            Dotnet.Environment, new RunLimits(GradeOptions.BuildTimeout, KeptOutputChars: 64 * 1024, MaxOutputBytes: 64L * 1024 * 1024)).ConfigureAwait(false);
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
