using System.Text;
using ConvSpec.Grading.Assign.Markers;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Grading.Assign;

/// <summary>What `convspec assign` produced.</summary>
public sealed record AssignResult(int FilesCopied, IReadOnlyList<string> SubmitPaths, int InstructorFilesLeftOut);

/// <summary>
/// Makes the student starter: a copy of the suite's files (<see cref="SuiteFiles"/>) in which every solution
/// region is cut out (<see cref="StarterText"/>), the instructor's folders (hidden specs, grading specs and their
/// sample hand-ins) are left out, also from the solution file, and SUBMIT.txt lists the files a student hands in.
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

        var submit = new List<string>();
        int copied = 0, leftOut = 0;
        foreach (string path in SuiteFiles.List(suiteRoot))
        {
            if (GradingLayout.IsInstructorOnly(path))
            {
                leftOut++;
                continue;
            }
            string source = Path.Combine(suiteRoot, path);
            string target = Path.Combine(outDir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            string? starter = path.EndsWith(".cs", StringComparison.Ordinal) ? StarterText.Make(path, File.ReadAllText(source)) : null;
            if (path == GradingLayout.Solution)
            {
                bool byteOrderMark = File.ReadAllBytes(source).AsSpan().StartsWith(Encoding.UTF8.Preamble);
                File.WriteAllText(target, StarterSolution.WithoutProjectsUnder(File.ReadAllText(source), GradingLayout.InstructorOnlyFolders),
                    new UTF8Encoding(byteOrderMark));
            }
            else if (starter is null)
            {
                File.Copy(source, target);
            }
            else
            {
                File.WriteAllText(target, starter);
                submit.Add(path);
            }
            copied++;
        }
        File.WriteAllLines(Path.Combine(outDir, GradingLayout.SubmitList), submit);
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
