using System.CommandLine;
using System.IO.Compression;
using System.Text.RegularExpressions;
using ConvSpec.IO;

namespace ConvSpec.Cli.Commands;

/// <summary>
/// `convspec pack --student ID [--out DIR]`: writes ID.zip with exactly the files SUBMIT.txt lists, each at its
/// repository-relative path, the hand-in that `convspec grade` takes as it is.
/// </summary>
public static partial class PackCommand
{
    private const string SubmitList = "SUBMIT.txt";

    /// <summary>The names grading accepts for a hand-in (a zip is graded under its name).</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex StudentName();

    public static Command Create()
    {
        var student = new Option<string>("--student") { Description = "Your id: letters, digits, '.', '_' and '-', at most 64; the zip is named after it.", Required = true };
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "Folder for the zip (default: the starter's root)." };
        var command = new Command("pack", "Write STUDENT.zip with the files SUBMIT.txt lists, ready to hand in.") { student, outDir };
        command.SetAction(parse =>
        {
            string id = parse.GetValue(student)!;
            if (!StudentName().IsMatch(id))
                throw new ArgumentException($"'{id}' cannot name a hand-in: use letters, digits, '.', '_' and '-' (at most 64), starting with a letter or digit.");
            string root = StarterRoot.OfCurrentFolder();
            string listPath = Path.Combine(root, SubmitList);
            if (!File.Exists(listPath)) throw new ArgumentException($"{listPath} is missing; pack works in a starter written by `convspec assign`.");
            var paths = File.ReadAllLines(listPath).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
            foreach (string path in paths.Where(p => !File.Exists(Path.Combine(root, p))))
                throw new ArgumentException($"{path} (listed in {SubmitList}) is missing; restore it before packing.");

            string zipPath = Path.Combine(parse.GetValue(outDir)?.FullName ?? root, id + ".zip");
            AtomicFile.Write(zipPath, stream =>
            {
                using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
                foreach (string path in paths) zip.CreateEntryFromFile(Path.Combine(root, path), path, CompressionLevel.Optimal);
            });
            Console.WriteLine($"pack: {zipPath} holds {paths.Count} file(s):");
            foreach (string path in paths) Console.WriteLine("  " + path);
            Console.WriteLine("Hand in this zip as it is.");
            return 0;
        });
        return command;
    }
}
