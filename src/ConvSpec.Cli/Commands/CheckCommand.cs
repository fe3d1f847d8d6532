using System.CommandLine;
using System.Diagnostics;
using ConvSpec.Cli.Check;

namespace ConvSpec.Cli.Commands;

/// <summary>
/// `convspec check [--exercise NAME]`: builds and runs the graded specs you have (tests/Graded) and prints your
/// points per exercise, with the first failure of each, as grading would count them without the hidden specs.
/// </summary>
public static class CheckCommand
{
    private const string GradedProject = "tests/Graded/ConvSpec.Tests.Graded.csproj";
    private const string GradedAssembly = "tests/Graded/bin/Debug/net10.0/ConvSpec.Tests.Graded.dll";

    public static Command Create()
    {
        var exercise = new Option<string?>("--exercise") { Description = "Run only this exercise's specs (cnn, training, convolution, sobel, bounds, gradients)." };
        var command = new Command("check", "Build and run the graded specs, and print points per exercise with the first failure of each.") { exercise };
        command.SetAction(parse =>
        {
            string root = StarterRoot.OfCurrentFolder();
            var build = Run(root, "dotnet", ["build", GradedProject, "-nologo", "-v:q", "-clp:NoSummary"]);
            if (build.ExitCode != 0)
            {
                Console.Error.WriteLine("check: the build failed, so no spec ran (0 points); fix these first:");
                foreach (string line in build.Output.Split('\n').Where(l => l.Contains(" error ", StringComparison.Ordinal)).Distinct().Take(20))
                    Console.Error.WriteLine("  " + line.Trim());
                return 1;
            }
            string report = Path.Combine(Path.GetTempPath(), $"convspec-check-{Guid.NewGuid():N}.xml");
            try
            {
                string? only = parse.GetValue(exercise);
                List<string> args = ["exec", GradedAssembly, "-noLogo", "-noColor", "-xml", report];
                if (only is not null) args.AddRange(["-trait", $"Exercise={only}"]);
                Run(root, "dotnet", args);
                if (!File.Exists(report))
                    throw new IOException("the graded specs ran but wrote no report; run `dotnet test --project tests/Graded` to see why.");
                var results = XunitReport.Read(report);
                if (results.Count == 0)
                    throw new ArgumentException(only is null ? "no graded spec ran." : $"no graded spec belongs to the exercise '{only}'.");
                Console.Write(ScoreTable.Format(results));
                return 0;
            }
            finally
            {
                File.Delete(report);
            }
        });
        return command;
    }

    private static (int ExitCode, string Output) Run(string root, string program, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new IOException($"could not start {program}.");
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
