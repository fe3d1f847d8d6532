namespace ConvSpec.Grading;

/// <summary>Where the pieces of a gradable suite live, relative to its root (docs/grading.md).</summary>
public static class GradingLayout
{
    /// <summary>The spec project that grading runs against each student's exercise code.</summary>
    public const string GradedProject = "tests/Graded/ConvSpec.Tests.Graded.csproj";

    /// <summary>Specs in this folder run when grading but are left out of the starter.</summary>
    public const string HiddenFolder = "tests/Graded/Hidden/";

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
