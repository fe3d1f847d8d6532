using ConvSpec.Grading.Grade.Reports;

namespace ConvSpec.Tests.Grading.Reports;

public sealed class RosterSpecs : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("convspec-roster-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    [Specifies("Rule: a roster maps hand-ins to gradebook ids, or is refused naming its file and line")]
    public void Header_names_are_matched_without_case_blanks_hyphens_or_underscores()
    {
        var roster = Roster.Parse("Login,E-Mail Address, SIS User ID ,Student Name,Section\nalice,a@uni.edu,7,\"Doe, Alice\",A\n\nbob,b@uni.edu,8,,B\n", "class.csv");

        roster.Entries.Should().Equal(
            new RosterEntry("alice", "7", "a@uni.edu", "Doe, Alice", 2),
            new RosterEntry("bob", "8", "b@uni.edu", "", 4));
    }

    [Theory]
    [Specifies("Rule: a roster maps hand-ins to gradebook ids, or is refused naming its file and line")]
    [InlineData("folder,email\nalice,a@uni.edu\n", "class.csv:1: no column gives the student id; name one studentid, id, sisuserid")]
    [InlineData("folder,id,student_id,email\nalice,1,2,a@uni.edu\n", "class.csv:1: two columns give the student id: 'id' (column 2) and 'student_id' (column 3).")]
    [InlineData("folder,id,email\nalice,7,a@uni.edu\nbob,7,b@uni.edu\n", "class.csv:3: the student id 7 is listed twice (first on line 2).")]
    [InlineData("folder,id,email\nalice,7,a@uni.edu\nAlice,8,c@uni.edu\n", "class.csv:3: the folder Alice is listed twice (first on line 2).")]
    [InlineData("folder,id,email\nalice,\"7,a@uni.edu\n", "class.csv:2: a quoted field is never closed.")]
    [InlineData("folder,id,email\nalice,7\"x\",a@uni.edu\n", "class.csv:2: a quote inside a field that does not start with one.")]
    [InlineData("folder,id,email\nalice,7,a@uni.edu,extra\n", "class.csv:2: 4 field(s) where the header has 3.")]
    [InlineData("folder,id,email\n../alice,7,a@uni.edu\n", "class.csv:2: '../alice' is not a hand-in's name")]
    [InlineData("folder,id,email\nalice,7,\n", "class.csv:2: alice has no e-mail address")]
    [InlineData("", "class.csv:1: the roster is empty")]
    public void A_bad_roster_is_refused_with_its_file_and_line(string csv, string message)
    {
        var parse = () => Roster.Parse(csv, "class.csv");

        parse.Should().Throw<InvalidDataException>().Which.Message.Should().StartWith(message).And.NotContain("\n");
    }

    [Fact]
    [Specifies("Rule: a roster maps hand-ins to gradebook ids, or is refused naming its file and line")]
    public void Grade_with_a_bad_roster_exits_with_2_in_one_line_and_writes_nothing()
    {
        string submissions = Path.Combine(_folder, "submissions"), output = Path.Combine(_folder, "out"), roster = Path.Combine(_folder, "class.csv");
        Directory.CreateDirectory(Path.Combine(submissions, "alice"));
        File.WriteAllText(roster, "folder,id,email\nalice,7,a@uni.edu\nbob,7,b@uni.edu\n");

        var run = CliProcess.Run(_folder, TimeSpan.FromMinutes(2), "grade", submissions, "--out", output, "--roster", roster, "--suite", SuitePaths.Root);

        run.ExitCode.Should().Be(2, run.Output);
        run.StderrLines.Should().Equal(["grade: class.csv:3: the student id 7 is listed twice (first on line 2)."]);
        Directory.Exists(output).Should().BeFalse("the roster is read before anything is built or written");
    }
}
