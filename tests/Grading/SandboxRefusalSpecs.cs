using System.Diagnostics;

namespace ConvSpec.Tests.Grading;

/// <summary>Without bubblewrap, `convspec grade` runs no student code unless it is told to run it unconfined.</summary>
public class SandboxRefusalSpecs
{
    [Fact]
    [Specifies("Rule: grade refuses to run student code unconfined unless --sandbox none is given")]
    public void Grade_without_bubblewrap_stops_with_one_line_and_exit_code_2()
    {
        string root = Directory.CreateTempSubdirectory("convspec-refusal-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "submissions", "someone"));
            // A PATH with dotnet but no bwrap, as on a machine where bubblewrap is not installed.
            string dotnet = Dotnet();
            var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in new[] { CliProcess.DllPath, "grade", Path.Combine(root, "submissions"), "--out", Path.Combine(root, "out"), "--suite", SuitePaths.Root })
                start.ArgumentList.Add(arg);
            start.Environment["PATH"] = Path.GetDirectoryName(dotnet)!;
            using var process = Process.Start(start)!;
            string stdout = process.StandardOutput.ReadToEnd(), stderr = process.StandardError.ReadToEnd();
            process.WaitForExit(TimeSpan.FromMinutes(1)).Should().BeTrue();

            process.ExitCode.Should().Be(2, stdout + stderr);
            stderr.Trim().Split('\n').Should().ContainSingle()
                .Which.Should().Contain("refusing to run student code unconfined").And.Contain("bubblewrap").And.Contain("--sandbox none");
            Directory.Exists(Path.Combine(root, "out")).Should().BeFalse("nothing is built or written before the sandbox is settled");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The real path of the dotnet on PATH, whose folder holds no bwrap.</summary>
    private static string Dotnet()
    {
        string onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "dotnet")).First(File.Exists);
        return new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath;
    }
}
