using System.Text.RegularExpressions;
using ConvSpec.Grading.Assign;
using ConvSpec.Grading.Suite;

namespace ConvSpec.Tests.Grading;

/// <summary>The starter's README is the student's, generated from the suite, and SUBMIT.txt says how to hand in.</summary>
public partial class StudentReadmeSpecs(AssignedCopy starter) : IClassFixture<AssignedCopy>
{
    [GeneratedRegex(@"^### \d+\. (?<exercise>[a-z]+): (?<points>\d+) points$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [Fact]
    [Specifies("Rule: docs/grading.md's points table matches the [Graded] attributes")]
    public void The_readme_lists_every_exercise_with_the_points_its_graded_specs_give()
    {
        string readme = starter.Read(GradingLayout.Readme);
        var listed = Heading().Matches(readme).ToDictionary(m => m.Groups["exercise"].Value, m => int.Parse(m.Groups["points"].Value));

        listed.Should().BeEquivalentTo(PointsTableSpecs.GradedMethods().GroupBy(g => g.Exercise).ToDictionary(g => g.Key, g => g.Sum(x => x.Points)),
            "each exercise's points come from the [Graded] attributes, hidden specs included");
        foreach (string exercise in listed.Keys)
            readme.Should().Contain($"dotnet test --project tests/Graded -- --filter-trait \"Exercise={exercise}\"", "each exercise's specs can be run alone");
        foreach (string path in starter.Result.SubmitPaths)
            readme.Should().Contain($"`{path}`", "the README names every file to write and hand in");
        readme.Should().Contain("pack --student").And.Contain("-- check").And.NotContain("{{", "the template's placeholders are all filled");
        readme.Should().NotContain("convspec grade", "the student's README is not the instructor's");
    }

    [Fact]
    [Specifies("Rule: the starter builds and fails only at the exercises")]
    public void Submit_txt_says_how_to_hand_in_and_lists_the_files()
    {
        string text = starter.Read(GradingLayout.SubmitList);

        text.Split('\n').TakeWhile(l => l.StartsWith('#')).Should().Contain(l => l.Contains("pack --student", StringComparison.Ordinal), "the header says how to hand in");
        SubmitList.Read(text).Should().Equal(starter.Result.SubmitPaths, "the comment lines are not paths");
    }
}
