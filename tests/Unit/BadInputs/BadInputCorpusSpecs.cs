namespace ConvSpec.Tests.Unit.BadInputs;

/// <summary>
/// Runs every row of <see cref="BadInputCorpus"/> against the real `convspec` in a folder of its own:
/// the exit code, exactly one line on stderr matching the row's message (no stack trace, no hidden
/// temporary name), and the folder exactly as the row laid it out: no file changed, none added.
/// </summary>
public sealed class BadInputCorpusSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("convspec-bad-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Cases => new(BadInputCorpus.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    [Specifies("Rule: bad input names what was wrong")]
    public void A_bad_input_exits_with_its_code_one_line_and_every_file_untouched(string name)
    {
        BadInputCase row = BadInputCorpus.All.Single(c => c.Name == name);
        if (row.AsNobody) Nobody.SkipUnlessAvailable(_directory);
        row.Arrange(_directory);
        var before = FolderSnapshot.Of(_directory);
        string[] args = row.Args.Select(a => a.Replace("{camera}", RepositoryFiles.PathOf("assets/images/camera.png"), StringComparison.Ordinal)).ToArray();

        CliResult result = row.AsNobody ? Nobody.RunCli(_directory, args) : CliProcess.Run(_directory, TimeSpan.FromMinutes(1), args);

        result.ExitCode.Should().Be(row.ExitCode, "stderr was: {0}", result.Stderr);
        result.StderrLines.Should().ContainSingle("one line, not a stack trace or a list").Which.Should().Match(row.Message);
        result.Stderr.Should().NotContain("convspec-tmp").And.NotContain("(Parameter '").And.NotContain("ConvSpec.Cli");
        FolderSnapshot.Of(_directory).Should().Equal(before, "a refused command leaves every file as it was and adds none");
    }

    [Fact]
    [Specifies("Rule: bad input names what was wrong")]
    public void The_corpus_holds_every_case_of_the_issue_once()
    {
        BadInputCorpus.All.Select(c => c.Name).Should().OnlyHaveUniqueItems();
        BadInputCorpus.All.Should().HaveCountGreaterThanOrEqualTo(40);
    }
}
