using System.Xml.Linq;
using ConvSpec.Grading;
using ConvSpec.Grading.Assign.Markers;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Tests.Grading;

/// <summary>One test's result in the starter's own run of its specs.</summary>
public sealed record StarterTest(string Name, string Outcome, string Message);

/// <summary>
/// The student starter as a student gets it: written by the real `convspec assign`, built with `dotnet build`
/// and its specs run with `dotnet test`, the README's commands, inside the starter. Its results are read from
/// the TRX reports that run leaves in the starter's artifacts/test-results.
/// </summary>
public sealed class AssignedStarter : IAsyncLifetime
{
    /// <summary>The spec classes that share one starter (building and testing it takes minutes).</summary>
    public const string Collection = "assigned starter";

    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private readonly TempFolder _folder = new("convspec-starter-");

    public string Folder => _folder.PathOf("starter");

    public CliResult Build { get; private set; } = new(-1, "", "not built");

    public IReadOnlyList<StarterTest> Tests { get; private set; } = [];

    /// <summary>The message each exercise region of the suite throws in the starter, by file and line.</summary>
    public IReadOnlyDictionary<string, string> RegionMessages { get; } = ReadRegionMessages();

    public ValueTask InitializeAsync()
    {
        // A student's starter lies in a folder every user can read, as a checkout does; the temp folder is private
        // (0700), which would make the permission specs that run the CLI as the user nobody skip here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder.Path, File.GetUnixFileMode(_folder.Path) | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }
        CliProcess.Run(SuitePaths.Root, TimeSpan.FromMinutes(2), "assign", "--out", Folder, "--suite", SuitePaths.Root).EnsureSuccess("convspec assign");
        Build = CliProcess.RunProgram("dotnet", Folder, TimeSpan.FromMinutes(5), "build", "-nologo", "-v:q");
        if (Build.ExitCode == 0)
        {
            CliProcess.RunProgram("dotnet", Folder, TimeSpan.FromMinutes(5), "test", "--no-build");
            Tests = Directory.EnumerateFiles(Path.Combine(Folder, "artifacts/test-results"), "*.trx").SelectMany(ReadTrx).ToList();
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private static IEnumerable<StarterTest> ReadTrx(string path) =>
        XDocument.Load(path).Descendants(Trx + "UnitTestResult").Select(r => new StarterTest(
            (string?)r.Attribute("testName") ?? "", (string?)r.Attribute("outcome") ?? "", string.Concat(r.Descendants(Trx + "Message").Select(m => m.Value))));

    private static Dictionary<string, string> ReadRegionMessages()
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in SuiteFiles.List(SuitePaths.Root).Where(p => p.EndsWith(".cs", StringComparison.Ordinal) && !GradingLayout.IsInstructorOnly(p)))
        {
            string[] lines = File.ReadAllText(Path.Combine(SuitePaths.Root, path)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            foreach (var region in MarkerParser.Parse(path, lines))
                messages[$"{path}:{region.BeginLine}"] = StarterText.ThrownMessage(region);
        }
        return messages;
    }
}

/// <summary>One <see cref="AssignedStarter"/> for every spec class in this collection.</summary>
[CollectionDefinition(AssignedStarter.Collection)]
public sealed class SharedAssignedStarter : ICollectionFixture<AssignedStarter>;
