using ConvSpec.Grading.Grade.Shards;

namespace ConvSpec.Tests.Grading;

/// <summary>`grade --shard I/N` and `grade merge`: three shards of a small class, merged, give the reports of one run.</summary>
[Trait("Category", "Grading")]
[Collection(ShardedClass.Collection)]
public class ShardSpecs(ShardedClass graded)
{
    [Fact]
    [Specifies("Rule: shards of a class merge into the reports of one run")]
    public void Three_shards_merged_equal_one_run_byte_for_byte()
    {
        graded.Merge.ExitCode.Should().Be(0, graded.Merge.Output);
        var single = Files(graded.SingleOut);
        var merged = Files(graded.MergedOut);
        merged.Keys.Should().Equal(single.Keys, "the merge writes the files a single run writes, and no others");
        single.Keys.Should().Contain(["grades.csv", "canvas.csv", "grading-log.md", "timing.csv"])
            .And.Contain(ShardedClass.Students.Select(s => $"feedback/{s}.md"))
            .And.Contain(ShardedClass.Students.Select(s => $"feedback/{s}.html"))
            .And.Contain(ShardedClass.Students.Select(s => $"{s}/results.json"));
        foreach (var (path, bytes) in single.Where(f => f.Key != "timing.csv" && !f.Key.EndsWith("/results.json", StringComparison.Ordinal)))
        {
            // As text first, so that a difference is shown where it lies; then the bytes.
            System.Text.Encoding.UTF8.GetString(merged[path]).Should().Be(System.Text.Encoding.UTF8.GetString(bytes), "{0} must be the same in the merged and the single run", path);
            merged[path].Should().Equal(bytes, "{0} must be the same bytes in the merged and the single run", path);
        }
        // Elapsed times are the one thing two runs cannot share: timing.csv has the same students, and each
        // results.json is the same bytes once its execution_time line is set aside.
        Column(merged["timing.csv"]).Should().Equal(Column(single["timing.csv"]));
        foreach (string student in ShardedClass.Students)
        {
            string path = $"{student}/results.json";
            WithoutExecutionTime(merged[path]).Should().Be(WithoutExecutionTime(single[path]), "{0} differs only in its elapsed time", path);
            System.Text.Encoding.UTF8.GetString(single[path]).Should().Contain("\"execution_time\"");
        }
        string grades = File.ReadAllText(Path.Combine(graded.MergedOut, "grades.csv"));
        grades.Should().Contain("correct,").And.Contain("off_by_one_bounds,");
        grades.Split('\n').Should().ContainSingle(l => l.StartsWith("absent,", StringComparison.Ordinal),
            "the roster's student with no hand-in is listed by the merge, as by the single run");
    }

    [Fact]
    [Specifies("Rule: shards of a class merge into the reports of one run")]
    public void A_roster_is_given_to_the_merge_and_refused_by_a_shard()
    {
        string outDir = graded.Scratch("shard-with-roster");
        var run = CliProcess.Run(SuitePaths.Root, TimeSpan.FromMinutes(1),
            ["grade", graded.Class, "--out", outDir, "--shard", "1/3", "--roster", graded.Roster, .. ShardedClass.Settings]);
        run.ExitCode.Should().Be(2, run.Output);
        run.StderrLines.Should().ContainSingle().Which.Should().Contain("--roster applies to the whole class").And.Contain("grade merge");
        Directory.Exists(outDir).Should().BeFalse("a refused shard writes nothing");
    }

    [Fact]
    [Specifies("Rule: shards of a class merge into the reports of one run")]
    public void Each_student_is_graded_in_exactly_one_shard_dealt_round_robin_by_name()
    {
        string[][] expected = [["correct", "stray_files"], ["does_not_compile"], ["off_by_one_bounds"]];
        for (int shard = 1; shard <= ShardedClass.Shards; shard++)
        {
            Directory.EnumerateFiles(Path.Combine(graded.ShardOut(shard), "feedback"), "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)
                .Should().Equal(expected[shard - 1], "shard {0}/3 grades the students at positions {1} mod 3", shard, shard - 1);
            graded.ShardRuns[shard - 1].Stdout.Should().Contain($"shard {shard}/3: {expected[shard - 1].Length} of the class's 4 student(s)");
            File.Exists(Path.Combine(graded.ShardOut(shard), "shard", "shard.json")).Should().BeTrue();
        }
        File.Exists(Path.Combine(graded.SingleOut, "shard", "shard.json")).Should().BeFalse("a run of the whole class writes no shard records");
    }

    [Fact]
    [Specifies("Rule: shards of a class merge into the reports of one run")]
    public void Shards_are_dealt_round_robin_and_I_over_N_is_checked()
    {
        var shard = Shard.TryParse("2/3", out _)!;
        shard.Of(["a", "b", "c", "d", "e", "f", "g"]).Should().Equal("b", "e");
        Enumerable.Range(1, 4).Select(i => new Shard(i, 4).Of(Enumerable.Range(0, 10).ToList()).Count).Should().Equal(3, 3, 2, 2);
        foreach (string bad in new[] { "0/3", "4/3", "3", "1/0", "-1/2", "a/b", "1/2/3" })
            Shard.TryParse(bad, out string problem).Should().BeNull(bad).And.Subject.Should().BeNull();
        Shard.TryParse("4/3", out string why);
        why.Should().Contain("1 ≤ I ≤ N");
    }

    [Fact]
    [Specifies("Rule: shards of a class merge into the reports of one run")]
    public void Incomplete_overlapping_or_mixed_shards_are_refused_with_nothing_written()
    {
        string other = graded.Scratch("other-suite");
        CopyFolder(graded.ShardOut(3), other);
        string marker = Path.Combine(other, "shard", "shard.json");
        string text = File.ReadAllText(marker);
        string suite = System.Text.RegularExpressions.Regex.Match(text, "\"Suite\": \"([0-9a-f]{64})\"").Groups[1].Value;
        suite.Should().NotBeEmpty();
        File.WriteAllText(marker, text.Replace(suite, new string('0', 64), StringComparison.Ordinal));

        var cases = new (string Name, string[] Shards, string Message)[]
        {
            ("incomplete", [graded.ShardOut(1), graded.ShardOut(2)], "incomplete: shard(s) 3/3"),
            ("overlapping", [graded.ShardOut(1), graded.ShardOut(2), graded.ShardOut(3), graded.ShardOut(2)], "overlapping shards: shard 2/3"),
            ("different suites", [graded.ShardOut(1), graded.ShardOut(2), other], "graded with different suites"),
            ("not a shard", [graded.ShardOut(1), graded.ShardOut(2), graded.SingleOut], "has no shard/shard.json"),
        };
        foreach (var (name, shards, message) in cases)
        {
            string outDir = graded.Scratch("refused-" + name.Replace(' ', '-'));
            var run = CliProcess.Run(SuitePaths.Root, TimeSpan.FromMinutes(1), ["grade", "merge", "--out", outDir, .. shards]);
            run.ExitCode.Should().Be(2, "{0} shards are refused: {1}", name, run.Output);
            run.StderrLines.Should().ContainSingle().Which.Should().StartWith("grade merge: ").And.Contain(message);
            Directory.Exists(outDir).Should().BeFalse("a refused merge writes nothing ({0})", name);
        }
    }

    private static SortedDictionary<string, byte[]> Files(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    private static string WithoutExecutionTime(byte[] json) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.Encoding.UTF8.GetString(json), "\\n *\"execution_time\": [0-9.]+,?", "");

    private static List<string> Column(byte[] csv) =>
        System.Text.Encoding.UTF8.GetString(csv).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')[0]).ToList();

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
