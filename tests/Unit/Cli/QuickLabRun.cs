namespace ConvSpec.Tests.Unit.Cli;

/// <summary>
/// One `convspec lab --quick` run, with stdout and stderr redirected as a log or a CI job has them,
/// shared by the specs that read its output and its report (a run trains the CNN, so it is done once).
/// </summary>
public sealed class QuickLabRun : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("convspec-quick-lab-").FullName;
    private readonly Lazy<CliResult> _result;

    public QuickLabRun() =>
        _result = new(() => CliProcess.Run(RepositoryFiles.Root, TimeSpan.FromMinutes(8), "lab", "--quick", "--out", ReportFolder));

    public string ReportFolder => Path.Combine(_directory, "report");

    public CliResult Result => _result.Value;

    public string Page(string fileName) => File.ReadAllText(Path.Combine(ReportFolder, fileName));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
