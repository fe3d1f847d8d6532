using System.IO.Compression;
using ConvSpec.Grading.Grade.Isolation;
using ConvSpec.Grading.Suite;
using ConvSpec.IO;

namespace ConvSpec.Grading.Gradescope;

/// <summary>What `convspec gradescope` put into the bundle.</summary>
public sealed record BundleContents(IReadOnlyList<string> SuiteFiles, SandboxKind Sandbox);

/// <summary>
/// `convspec gradescope --out autograder.zip`: the zip Gradescope's autograder is configured with. At its root
/// setup.sh (run once when Gradescope builds the image) and run_autograder (run per submission), from this folder of
/// the suite; below suite/ the instructor's suite as `convspec grade` needs it, hidden specs included, and nothing of
/// this machine (the suite's file list skips bin/, obj/ and artifacts/). Entries are in ordinal order with one fixed
/// time stamp, so one suite always gives the same bytes. The zip is written beside its target and renamed into place.
/// </summary>
public static class AutograderBundle
{
    /// <summary>Where the scripts are kept in the suite.</summary>
    public const string ScriptsFolder = "src/ConvSpec.Grading/Gradescope/";

    public const string SetupScript = "setup.sh";

    public const string RunScript = "run_autograder";

    /// <summary>The folder of the bundle that holds the suite; the scripts find it there.</summary>
    public const string SuiteFolder = "suite/";

    /// <summary>
    /// Parts of the suite that grading neither builds nor reads: the other spec projects, the sample hand-ins (which
    /// are hostile code), benchmarks and scripts, CI, and the documents but the one the CLI's build copies.
    /// </summary>
    public static readonly string[] LeftOut =
        ["tests/Grading/", "tests/Unit/", "tests/Approval/", "tests/Gpu/", "tests/Mutation/", "benchmarks/", "scripts/", ".ci/", ".config/", "docs/"];

    /// <summary>
    /// Kept from <see cref="LeftOut"/>: the CLI's build copies docs/derivations.md for `convspec lab`, and the reports
    /// read the exercises' order from docs/grading.md's regions table and link into derivations.md's headings.
    /// </summary>
    public static readonly string[] KeptDocuments = ["docs/derivations.md", "docs/grading.md"];

    /// <summary>The run script's line that names the sandbox; --sandbox none rewrites it.</summary>
    private const string SandboxLine = "\nsandbox=bwrap\n";

    private static readonly DateTimeOffset Stamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static BundleContents Write(string suiteRoot, string zipPath, SandboxKind sandbox)
    {
        RequireZipOrNew(zipPath);
        var files = Files(suiteRoot);
        string setup = File.ReadAllText(Path.Combine(suiteRoot, ScriptsFolder, SetupScript));
        string run = File.ReadAllText(Path.Combine(suiteRoot, ScriptsFolder, RunScript));
        if (!run.Contains(SandboxLine, StringComparison.Ordinal))
            throw new InvalidOperationException($"{ScriptsFolder}{RunScript} has no line `sandbox=bwrap` to set the sandbox on.");
        if (sandbox == SandboxKind.None) run = run.Replace(SandboxLine, "\nsandbox=none\n", StringComparison.Ordinal);

        AtomicFile.Write(zipPath, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            Add(zip, SetupScript, System.Text.Encoding.UTF8.GetBytes(setup), executable: true);
            Add(zip, RunScript, System.Text.Encoding.UTF8.GetBytes(run), executable: true);
            foreach (string path in files)
            {
                bool executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(Path.Combine(suiteRoot, path)) & UnixFileMode.UserExecute) != 0;
                Add(zip, SuiteFolder + path, File.ReadAllBytes(Path.Combine(suiteRoot, path)), executable);
            }
        });
        return new BundleContents(files, sandbox);
    }

    /// <summary>The suite's files that go below suite/, in ordinal order.</summary>
    public static IReadOnlyList<string> Files(string suiteRoot) =>
        SuiteFiles.List(suiteRoot)
            .Where(path => KeptDocuments.Contains(path, StringComparer.Ordinal) || !LeftOut.Any(folder => path.StartsWith(folder, StringComparison.Ordinal)))
            .ToList();

    private static void Add(ZipArchive zip, string name, byte[] content, bool executable)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = Stamp;
        // A regular file's Unix mode in the high half: Gradescope's unzip keeps the scripts executable.
        entry.ExternalAttributes = (executable ? 0x81ED : 0x81A4) << 16;
        using var writer = entry.Open();
        writer.Write(content);
    }

    /// <summary>An existing output is replaced only if it is a zip (by its first bytes), as an earlier bundle would be.</summary>
    private static void RequireZipOrNew(string zipPath)
    {
        OutputPaths.RequireWritable(zipPath, "--out");
        if (PathKinds.Of(zipPath) != PathKind.RegularFile) return;
        Span<byte> head = stackalloc byte[4];
        int read;
        using (var file = File.OpenRead(zipPath)) read = file.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        bool zip = read == 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] is 3 or 5 && head[3] is 4 or 6;
        if (!zip)
            throw new ConvSpecInputException(zipPath, "exists and is not a zip; convspec gradescope replaces only an earlier bundle. Name a new file or remove it yourself.");
    }
}
