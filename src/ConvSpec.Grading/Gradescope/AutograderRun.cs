using System.Text;
using System.Text.Json;
using ConvSpec.Grading.Assign.Markers;
using ConvSpec.Grading.Grade;
using ConvSpec.Grading.Grade.Intake;
using ConvSpec.Grading.Grade.Isolation;
using ConvSpec.Grading.Grade.Remote;
using ConvSpec.IO;

namespace ConvSpec.Grading.Gradescope;

/// <summary>How one autograder run ended: the student's score, or null when grading failed and the results say why.</summary>
public sealed record AutograderOutcome(int? Score, string ResultsFile);

/// <summary>
/// `convspec gradescope run`, which the bundle's run_autograder calls: grades ROOT/submission as one hand-in with the
/// suite in ROOT/source/suite through <see cref="Grader"/> (the code path of `convspec grade`, sandbox and limits
/// included) and puts the student's results.json, as the grade reports write it, at ROOT/results/results.json. When
/// grading itself fails (no sandbox can be made, the suite does not build, no hand-in), the results file still comes,
/// with a score of 0 and a message that puts the fault on the autograder.
/// </summary>
public static class AutograderRun
{
    /// <summary>The environment variable Gradescope's layout is rooted at, as in its own documentation; /autograder by default.</summary>
    public const string RootVariable = "AUTOGRADER_ROOT";

    public const string DefaultRoot = "/autograder";

    /// <summary>Where setup.sh's `grade prepare` leaves the pristine suite (ROOT/source/setup-cache), which every run then uses.</summary>
    public static string SetupCacheFolder(string root) => Path.Combine(root, "source", "setup-cache");

    public static string RootFromEnvironment() => Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } root ? root : DefaultRoot;

    public static async Task<AutograderOutcome> RunAsync(string root, SandboxKind sandbox, TextWriter log, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        string resultsFolder = Path.Combine(root, "results");
        Directory.CreateDirectory(resultsFolder);
        string results = Path.Combine(resultsFolder, "results.json");
        string reports = Directory.CreateTempSubdirectory("convspec-gradescope-").FullName;
        try
        {
            var options = new GradeOptions(Path.Combine(root, "source", "suite"), Path.Combine(root, "submission"), reports,
                CallTimeout: TimeSpan.FromSeconds(10), StudentTimeout: TimeSpan.FromSeconds(300), Parallel: 1, sandbox, new IntakeLimits(), OneHandIn: true,
                SetupCache: SetupCacheFolder(root));
            var run = await Grader.GradeAsync(options, log, cancel).ConfigureAwait(false);
            var student = run.Students.Single();
            AtomicFile.WriteAllBytes(results, await File.ReadAllBytesAsync(Path.Combine(reports, student.Student, "results.json"), cancel).ConfigureAwait(false));
            log.WriteLine($"gradescope: {student.Score} points; {results} written.");
            return new AutograderOutcome(student.Score, results);
        }
        catch (Exception e) when (e is SandboxUnavailableException or MarkerException or IOException or InvalidOperationException or ArgumentException)
        {
            log.WriteLine("gradescope: grading failed: " + e.Message);
            AtomicFile.WriteAllBytes(results, Failure(e.Message));
            return new AutograderOutcome(null, results);
        }
        finally
        {
            if (Directory.Exists(reports)) Directory.Delete(reports, recursive: true);
        }
    }

    /// <summary>A results.json for a submission the autograder could not grade: 0 points, and the reason, cleaned, for the student and the instructor.</summary>
    public static byte[] Failure(string reason)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("score", 0);
            json.WriteString("output", "The autograder could not grade this submission. This is a fault of the autograder, not of your work: "
                + "please tell your instructor, who sees the details in the autograder's output.\n\nReason: " + StudentText.Clean(reason, 2000));
            json.WriteStartArray("tests");
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }
}
