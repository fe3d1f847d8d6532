namespace ConvSpec.Grading.Suite;

/// <summary>Where the pieces of a gradable suite live, relative to its root (docs/grading.md).</summary>
public static class GradingLayout
{
    /// <summary>The spec project that grading runs against each student's exercise code.</summary>
    public const string GradedProject = "tests/Graded/ConvSpec.Tests.Graded.csproj";

    /// <summary>The assembly that project builds: the trusted test host of every grading run.</summary>
    public const string GradedAssembly = "ConvSpec.Tests.Graded.dll";

    /// <summary>The program that answers the graded specs' calls with a submission's code, in the sandbox.</summary>
    public const string ExerciseHostProject = "src/ConvSpec.ExerciseHost/ConvSpec.ExerciseHost.csproj";

    /// <summary>The assembly that project builds.</summary>
    public const string ExerciseHostAssembly = "ConvSpec.ExerciseHost.dll";

    /// <summary>Specs in this folder run when grading but are left out of the starter.</summary>
    public const string HiddenFolder = "tests/Graded/Hidden/";

    /// <summary>
    /// The instructor's parts of the suite, left out of the starter, folders (ending in '/') and files: the hidden
    /// specs with the answers they compare with; the specs of grading itself with their sample hand-ins (each a
    /// solution with one mistake, so they would give the solutions away); the grader (its project, the exercise host
    /// it runs, the CLI's assign and grade commands) and its documentation; and the PyTorch peer scripts, which hold
    /// the notebook's CNN and training loop, with the benchmark scripts that run them; and specs that write an answer
    /// out (a second convolution, the convolution matrix, the SGD step).
    /// </summary>
    public static readonly string[] InstructorOnlyPaths =
    [
        HiddenFolder,
        "tests/Grading/",
        "src/ConvSpec.Grading/",
        "src/ConvSpec.ExerciseHost/",
        "src/ConvSpec.Cli/Instructor/",
        "docs/grading.md",
        "benchmarks/",
        // Answers in another form: a second convolution (SIMD) and the convolution as a matrix, with their specs.
        "src/ConvSpec/Convolution/Fast/",
        "src/ConvSpec/Convolution/ConvolutionMatrix.cs",
        "tests/Unit/Convolution/FastConvolutionSpecs.cs",
        "tests/Unit/Convolution/ConvolutionMatrixSpecs.cs",
        // The training step's answer in a spec: SGD written out with autograd, p − η·∂L/∂p, and the clean twin that shows zero_grad.
        "tests/Unit/Training/TrainStepSpecs.cs",
    ];

    /// <summary>The solution file, from which the starter's copy drops the projects under <see cref="InstructorOnlyPaths"/>.</summary>
    public const string Solution = "ConvSpec.sln";

    /// <summary>The suite's README, which the starter replaces with the student's (Assign/Readme).</summary>
    public const string Readme = "README.md";

    public static bool IsInstructorOnly(string path) =>
        InstructorOnlyPaths.Any(entry => entry.EndsWith('/') ? path.StartsWith(entry, StringComparison.Ordinal) : path == entry);

    /// <summary>Namespace of the hidden specs, by which a test run's results are told apart.</summary>
    public const string HiddenNamespace = "ConvSpec.Tests.Graded.Hidden.";

    /// <summary>The library project that holds the exercise code; students' files are compiled into it.</summary>
    public const string LibraryProject = "src/ConvSpec/ConvSpec.csproj";

    /// <summary>The starter's list of files a student hands in, one repository-relative path a line.</summary>
    public const string SubmitList = "SUBMIT.txt";

    /// <summary>Files at the root of the suite that every build needs.</summary>
    public static readonly string[] BuildRootFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", ".editorconfig"];

    /// <summary>Folders whose tracked files the per-student library build needs.</summary>
    public static readonly string[] LibraryBuildFolders = ["build/", "src/ConvSpec/"];
}
