namespace ConvSpec.Tests.Grading;

/// <summary>`grade --out` holds the reports and nothing else; the work area lives elsewhere and is gone when the run ends.</summary>
[Trait("Category", "Grading")]
[Collection(ShardedClass.Collection)]
public class OutputFolderSpecs(ShardedClass graded)
{
    [Fact]
    [Specifies("Rule: the output folder holds only reports")]
    public void After_a_run_the_output_folder_holds_only_report_files_and_no_work_area_remains()
    {
        // The single run has --roster and --html, so every kind of report is there.
        string[] reports = ["grades.csv", "canvas.csv", "grading-log.md", "timing.csv",
            .. ShardedClass.Students.SelectMany(s => new[] { $"feedback/{s}.md", $"feedback/{s}.html", $"{s}/results.json" })];
        Directory.EnumerateFiles(graded.SingleOut, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(graded.SingleOut, f).Replace('\\', '/'))
            .Should().BeEquivalentTo(reports, "--out holds the class reports and each student's feedback and results.json only");
        Directory.EnumerateDirectories(graded.SingleOut, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(graded.SingleOut, d))
            .Should().BeEquivalentTo(["feedback", .. ShardedClass.Students]);
        graded.Single.Stdout.Should().NotContain("work area is kept");
        foreach (string run in new[] { "single", "shard-2", "shard-3" })
            Directory.EnumerateDirectories(graded.TempOf(run), "convspec-grade-*").Should().BeEmpty("the {0} run removed its work area when it ended", run);
    }

    [Fact]
    [Specifies("Rule: the output folder holds only reports")]
    public void Keep_work_keeps_the_work_area_outside_the_output_folder_and_says_where()
    {
        var line = graded.ShardRuns[0].Stdout.Split('\n').Should().ContainSingle(l => l.Contains("the work area is kept at", StringComparison.Ordinal)).Subject;
        string kept = line[(line.IndexOf(" at ", StringComparison.Ordinal) + 4)..line.IndexOf(" (--keep-work)", StringComparison.Ordinal)];
        Path.GetDirectoryName(kept).Should().Be(graded.TempOf("shard-1"));
        Directory.Exists(Path.Combine(kept, "pristine")).Should().BeTrue("the kept work area holds the pristine suite's copy");
        Directory.Exists(Path.Combine(kept, "students", "correct")).Should().BeTrue("and each student's workspace");
        kept.Should().NotStartWith(graded.ShardOut(1));
    }
}
