using System.IO.Compression;
using ConvSpec.Grading.Grade.Intake;

namespace ConvSpec.Tests.Grading;

/// <summary>Intake on hand-ins made here, in a folder of the spec's own: the shapes students hand in, and entries that must not be opened.</summary>
public sealed class IntakeSpecs : IDisposable
{
    private static readonly SortedSet<string> Submit = new(StringComparer.Ordinal) { "src/A/One.cs", "src/B/Two.cs" };

    private readonly string _root = Directory.CreateTempSubdirectory("convspec-intake-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [Specifies("Rule: intake takes what students hand in and says what it took")]
    [InlineData("src/A/One.cs", "src/B/Two.cs")]
    [InlineData("One.cs", "Two.cs")]
    [InlineData("alice/src/A/One.cs", "alice/src/B/Two.cs")]
    [InlineData("alice/One.cs", "alice/Two.cs")]
    [InlineData("deep/er/One.cs", "elsewhere/Two.cs")]
    public void Folders_and_zips_match_each_file_by_path_or_by_its_name_alone(string one, string two)
    {
        Write(Path.Combine(_root, "folder", one), "one");
        Write(Path.Combine(_root, "folder", two), "two");
        using (var zip = ZipFile.Open(Path.Combine(_root, "zipped.zip"), ZipArchiveMode.Create))
        {
            foreach (var (name, text) in new[] { (one, "one"), (two, "two"), ("__MACOSX/._One.cs", "fork") })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        var (submissions, _) = SubmissionReader.ReadAll(_root, Submit, new IntakeLimits());

        submissions.Should().HaveCount(2);
        foreach (var submission in submissions)
        {
            submission.Files.Keys.Should().Equal(["src/A/One.cs", "src/B/Two.cs"], submission.Student);
            System.Text.Encoding.UTF8.GetString(submission.Files["src/A/One.cs"]).Should().Be("one");
        }
    }

    [Fact]
    [Specifies("Rule: intake takes what students hand in and says what it took")]
    public void Two_files_of_one_name_at_no_submitted_path_are_both_refused()
    {
        Write(Path.Combine(_root, "bob", "old", "One.cs"), "old");
        Write(Path.Combine(_root, "bob", "new", "One.cs"), "new");

        var bob = SubmissionReader.ReadAll(_root, Submit, new IntakeLimits()).Submissions.Single();

        bob.Files.Should().BeEmpty();
        bob.Rejected.Should().Contain("src/A/One.cs: 2 files are named One.cs (new/One.cs, old/One.cs) and none is at this path, so none was taken.")
            .And.Contain(m => m.StartsWith("Nothing in this hand-in matched a file of SUBMIT.txt", StringComparison.Ordinal) && m.Contains("src/B/Two.cs", StringComparison.Ordinal));
        bob.Describe().Should().StartWith("bob: NOTHING was taken from this hand-in.");
    }

    [Fact]
    [Specifies("Rule: intake opens no named pipe, device or socket")]
    public async Task Named_pipes_and_symbolic_links_are_refused_without_being_opened()
    {
        Write(Path.Combine(_root, "carol", "src/B/Two.cs"), "two");
        Directory.CreateDirectory(Path.Combine(_root, "carol", "src/A"));
        MakeFifo(Path.Combine(_root, "carol", "src/A/One.cs"));
        MakeFifo(Path.Combine(_root, "dave.zip"));
        File.CreateSymbolicLink(Path.Combine(_root, "erin"), Path.Combine(_root, "carol"));

        var read = Task.Run(() => SubmissionReader.ReadAll(_root, Submit, new IntakeLimits()), TestContext.Current.CancellationToken);
        var first = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        first.Should().BeSameAs(read, "reading a named pipe would wait for ever for a writer");
        var (submissions, ignored) = await read;

        ignored.Should().Equal("dave.zip: a named pipe, device or socket, not a submission; ignored without being opened.",
            "erin: a symbolic link, not a submission; ignored.");
        var carol = submissions.Single();
        carol.Files.Keys.Should().Equal("src/B/Two.cs");
        carol.Rejected.Should().Equal("src/A/One.cs: a named pipe, device or socket; not accepted, and not opened.");
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.Should().Be(0, $"mkfifo {path}");
    }
}
