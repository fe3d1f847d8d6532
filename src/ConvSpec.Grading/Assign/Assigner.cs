using System.Text;
using ConvSpec.Grading.Assign.Markers;
using ConvSpec.Grading.Assign.Readme;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Grading.Assign;

/// <summary>What `convspec assign` produced.</summary>
public sealed record AssignResult(int FilesCopied, IReadOnlyList<string> SubmitPaths, int InstructorFilesLeftOut);

/// <summary>
/// Makes the student starter: a copy of the suite's files (<see cref="SuiteFiles"/>) in which every solution
/// region is cut out (<see cref="StarterText"/>: C# regions become a throw, Markdown regions their task
/// statement), the instructor's parts (hidden specs and the answers they compare with, the grader, its specs and
/// sample hand-ins, the peer scripts, the grading documentation) are left out, also from the solution file,
/// README.md is the student's (<see cref="StudentReadme"/>), and SUBMIT.txt lists the files a student hands in.
/// </summary>
public static class Assigner
{
    public static AssignResult Assign(string suiteRoot, string outDir)
    {
        suiteRoot = Path.GetFullPath(suiteRoot);
        outDir = Path.GetFullPath(outDir);
        if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
            throw new IOException($"{outDir} is not empty; assign writes into an empty or new folder.");
        if (outDir.StartsWith(suiteRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) || outDir == suiteRoot)
            throw new IOException($"{outDir} is inside the suite {suiteRoot}; choose a folder outside it.");

        var files = SuiteFiles.List(suiteRoot);
        var submit = new List<string>();
        var starters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in files.Where(p => !GradingLayout.IsInstructorOnly(p) && StarterText.MayHoldRegions(p)))
        {
            if (StarterText.Make(path, File.ReadAllText(Path.Combine(suiteRoot, path))) is not { } starter) continue;
            starters[path] = starter;
            if (path.EndsWith(".cs", StringComparison.Ordinal)) submit.Add(path);
        }
        string readme = StudentReadme.Make(suiteRoot, submit);

        int copied = 0, leftOut = 0;
        foreach (string path in files)
        {
            if (GradingLayout.IsInstructorOnly(path))
            {
                leftOut++;
                continue;
            }
            string source = Path.Combine(suiteRoot, path);
            string target = Path.Combine(outDir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (path == GradingLayout.Solution)
            {
                bool byteOrderMark = File.ReadAllBytes(source).AsSpan().StartsWith(Encoding.UTF8.Preamble);
                File.WriteAllText(target, StarterSolution.WithoutProjectsUnder(File.ReadAllText(source), GradingLayout.InstructorOnlyPaths),
                    new UTF8Encoding(byteOrderMark));
            }
            else if (path == GradingLayout.Readme)
            {
                File.WriteAllText(target, readme);
            }
            else if (starters.TryGetValue(path, out string? starter))
            {
                File.WriteAllText(target, starter);
            }
            else
            {
                File.Copy(source, target);
            }
            copied++;
        }
        File.WriteAllText(Path.Combine(outDir, GradingLayout.SubmitList), SubmitList.Write(submit));
        return new AssignResult(copied, submit, leftOut);
    }

    /// <summary>The starter versions of the files a student hands in, by path: the base a submission is laid over.</summary>
    public static IReadOnlyDictionary<string, string> StarterFiles(string suiteRoot)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in SuiteFiles.List(suiteRoot).Where(p => p.EndsWith(".cs", StringComparison.Ordinal)))
        {
            if (GradingLayout.IsInstructorOnly(path)) continue;
            string? starter = StarterText.Make(path, File.ReadAllText(Path.Combine(suiteRoot, path)));
            if (starter is not null) files[path] = starter;
        }
        return files;
    }
}
