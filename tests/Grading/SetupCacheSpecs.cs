using System.Runtime.Versioning;
using ConvSpec.Grading.Grade;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Tests.Grading;

/// <summary>
/// `grade --setup-cache DIR` and `grade prepare`: a cache folder that others could read or change, a link in its place, and
/// a folder in the way of an entry are refused and left as they were; an entry belongs to one suite's files. How runs
/// use the cache is in <see cref="SetupCacheReuseSpecs"/>.
/// </summary>
[Trait("Category", "Grading")]
[SupportedOSPlatform("linux")] // Grading runs where bubblewrap and file modes are, and so do these specs.
public class SetupCacheSpecs
{
    public const string Rule = "Rule: the setup cache is private, and a run uses it only for the same suite and grader";

    [Fact]
    [Specifies(Rule)]
    public void A_cache_folder_that_others_can_read_is_refused_before_anything_is_graded_and_left_as_it_was()
    {
        using var folder = new TempFolder("convspec-cache-open-");
        string cache = folder.PathOf("cache"), handIns = folder.PathOf("class"), outDir = folder.PathOf("out");
        Directory.CreateDirectory(cache);
        var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(cache, open);
        Directory.CreateDirectory(Path.Combine(handIns, "stray_files"));
        File.WriteAllText(Path.Combine(handIns, "stray_files", "answers.txt"), "my answers are in the notebook");

        var run = CliProcess.Run(SuitePaths.Root, TimeSpan.FromMinutes(2), ["grade", handIns, "--out", outDir, .. ShardedClass.Settings, "--setup-cache", cache]);

        run.ExitCode.Should().Be(2, run.Output);
        run.Stderr.Should().Contain(cache).And.Contain("mode 755").And.Contain("chmod 700").And.Contain("hidden specs");
        run.Stdout.Should().NotContain("building the pristine suite");
        File.GetUnixFileMode(cache).Should().Be(open, "the grader changes no mode of a folder it did not make");
        Directory.EnumerateFileSystemEntries(cache).Should().BeEmpty();
        (Directory.Exists(outDir) ? Directory.EnumerateFileSystemEntries(outDir) : []).Should().BeEmpty("a refused run writes no report");
    }

    [Fact]
    [Specifies(Rule)]
    public void A_link_in_place_of_the_cache_folder_is_refused_and_its_target_is_left_alone()
    {
        using var folder = new TempFolder("convspec-cache-link-");
        string target = folder.PathOf("someone-elses"), link = folder.PathOf("cache");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "mine");
        Directory.CreateSymbolicLink(link, target);

        var run = CliProcess.Run(SuitePaths.Root, TimeSpan.FromMinutes(2), "grade", "prepare", "--setup-cache", link, "--suite", SuitePaths.Root);

        run.ExitCode.Should().Be(2, run.Output);
        run.Stderr.Should().Contain(link).And.Contain("is not a folder");
        Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).Should().Equal("notes.txt");
        File.ReadAllText(Path.Combine(target, "notes.txt")).Should().Be("mine");
    }

    [Fact]
    [Specifies(Rule)]
    public void A_folder_in_the_way_of_the_suites_entry_that_ConvSpec_did_not_make_is_refused_and_kept()
    {
        using var folder = new TempFolder("convspec-cache-way-");
        string cache = folder.PathOf("cache");
        string entry = Path.Combine(cache, SetupCache.Key(SuitePaths.Root));
        Directory.CreateDirectory(entry);
        File.SetUnixFileMode(cache, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(entry, "notes.txt"), "mine");

        var run = CliProcess.Run(SuitePaths.Root, TimeSpan.FromMinutes(2), "grade", "prepare", "--setup-cache", cache, "--suite", SuitePaths.Root);

        run.ExitCode.Should().Be(2, run.Output);
        run.Stderr.Should().Contain(entry).And.Contain("was not made by ConvSpec");
        Directory.EnumerateFileSystemEntries(entry).Select(Path.GetFileName).Should().Equal("notes.txt");
    }

    [Fact]
    [Specifies(Rule)]
    public void The_entry_depends_on_every_file_of_the_suite_and_not_on_where_the_suite_lies()
    {
        using var folder = new TempFolder("convspec-cache-key-");
        IReadOnlyList<string> files = SuiteFiles.List(SuitePaths.Root);
        foreach (string copy in new[] { "a", "b" })
        {
            foreach (string path in files)
            {
                string to = folder.PathOf(copy, path);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(Path.Combine(SuitePaths.Root, path), to);
            }
        }
        string original = SetupCache.Key(folder.PathOf("a"));
        SetupCache.Key(folder.PathOf("b")).Should().Be(original, "the same files at another path build the same pristine suite");
        original.Should().MatchRegex("^[0-9a-f]{64}$");

        string hidden = files.First(p => p.StartsWith("tests/Graded/Hidden/", StringComparison.Ordinal));
        File.AppendAllText(folder.PathOf("b", hidden), "\n// one more line\n");
        SetupCache.Key(folder.PathOf("b")).Should().NotBe(original, "a changed hidden spec needs a new build");
    }
}
