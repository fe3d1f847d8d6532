using System.IO.Compression;
using System.Text.Json;
using ConvSpec.Grading.Assign;

namespace ConvSpec.Tests.Grading;

/// <summary>
/// The Gradescope bundle run here as Gradescope would run it, on a fake root made in a temporary folder: the real
/// `convspec gradescope` writes autograder.zip; it is unpacked into ROOT/source and run_autograder is copied to ROOT, as
/// Gradescope's image build does; setup.sh runs in the mode that installs nothing (everything it needs is on this
/// machine); then run_autograder grades one hand-in at a time from ROOT/submission: the solution, the untouched starter,
/// the hostile sample forges_results, and no hand-in at all. Never run on Gradescope itself.
/// </summary>
public sealed class AutograderOnFakeRoot : IDisposable
{
    public const string Hostile = "forges_results";

    private readonly TempFolder _folder = new("convspec-autograder-");

    public AutograderOnFakeRoot()
    {
        Directory.CreateDirectory(Temp);
        Bundle = CliProcess.Run(SuitePaths.Root, TimeSpan.FromMinutes(2), "gradescope", "--out", Zip, "--suite", SuitePaths.Root).EnsureSuccess("convspec gradescope");
        ZipFile.ExtractToDirectory(Zip, Path.Combine(Root, "source"));
        File.Copy(Path.Combine(Root, "source", "run_autograder"), Path.Combine(Root, "run_autograder"));
        Setup = EnvironmentProcess.Run("bash", Environment(new() { ["CONVSPEC_SETUP_NO_INSTALL"] = "1" }), TimeSpan.FromMinutes(10),
            Path.Combine(Root, "source", "setup.sh")).EnsureSuccess("setup.sh");

        string[] submit = [.. Assigner.StarterFiles(SuitePaths.Root).Keys];
        Grade("correct", folder => { foreach (string path in submit) Copy(Path.Combine(SuitePaths.Root, path), Path.Combine(folder, path)); });
        Grade("starter", folder =>
        {
            foreach (var (path, text) in Assigner.StarterFiles(SuitePaths.Root))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, path))!);
                File.WriteAllText(Path.Combine(folder, path), text);
            }
        });
        if (Sandboxed)
        {
            Grade(Hostile, folder =>
            {
                foreach (string path in submit) Copy(Path.Combine(SuitePaths.Root, path), Path.Combine(folder, path));
                string sample = Path.Combine(SuitePaths.Samples, Hostile);
                foreach (string file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
                    Copy(file, Path.Combine(folder, Path.GetRelativePath(sample, file)));
            });
        }
        Grade("missing", folder => Directory.Delete(folder));
    }

    public bool Sandboxed { get; } = File.Exists("/usr/bin/bwrap") || File.Exists("/bin/bwrap");

    public string Zip => _folder.PathOf("autograder.zip");

    /// <summary>The fake /autograder.</summary>
    public string Root => _folder.PathOf("autograder");

    /// <summary>The TMPDIR every script here runs with, so a work area left behind would show.</summary>
    public string Temp => _folder.PathOf("tmp");

    public CliResult Bundle { get; }

    public CliResult Setup { get; }

    /// <summary>Each hand-in's run_autograder run and the results.json it left.</summary>
    public Dictionary<string, (CliResult Run, string Results)> Graded { get; } = [];

    public JsonElement Results(string handIn) => JsonDocument.Parse(Graded[handIn].Results).RootElement;

    private void Grade(string handIn, Action<string> fill)
    {
        string submission = Path.Combine(Root, "submission");
        if (Directory.Exists(submission)) Directory.Delete(submission, recursive: true);
        Directory.CreateDirectory(submission);
        fill(submission);
        var run = EnvironmentProcess.Run(Path.Combine(Root, "run_autograder"), Environment([]), TimeSpan.FromMinutes(10));
        string results = Path.Combine(Root, "results", "results.json");
        Graded[handIn] = (run, File.Exists(results) ? File.ReadAllText(results) : "");
        if (File.Exists(results)) File.Move(results, Path.Combine(Root, "results", handIn + ".json"));
    }

    private Dictionary<string, string> Environment(Dictionary<string, string> extra)
    {
        extra["AUTOGRADER_ROOT"] = Root;
        extra["TMPDIR"] = Temp;
        return extra;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }

    public void Dispose() => _folder.Dispose();
}
