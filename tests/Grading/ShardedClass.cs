namespace ConvSpec.Tests.Grading;

/// <summary>
/// A small class (the solution, a hand-in that does not compile, one with an off-by-one in the bounds, and a folder of
/// stray files) graded by the real `convspec grade` once whole and once as three shards, the shards merged by
/// `convspec grade merge`. Each run gets a temporary folder of its own (TMPDIR), where its work area lives, so the
/// specs can see that none is left behind; shard 1 keeps its work area (--keep-work).
/// </summary>
public sealed class ShardedClass : IDisposable
{
    public const string Collection = "sharded class";

    public const int Shards = 3;

    /// <summary>In ordinal order, so round-robin deals correct and stray_files to shard 1, and one each to shards 2 and 3.</summary>
    public static readonly string[] Students = ["correct", "does_not_compile", "off_by_one_bounds", "stray_files"];

    private readonly TempFolder _folder = new("convspec-sharded-");

    public ShardedClass()
    {
        // The files a student hands in: the library's files with solution regions, as SUBMIT.txt lists them.
        string[] submit = [.. ConvSpec.Grading.Assign.Assigner.StarterFiles(SuitePaths.Root).Keys];
        foreach (string student in new[] { "correct", "does_not_compile", "off_by_one_bounds" })
        {
            foreach (string path in submit) Copy(Path.Combine(SuitePaths.Root, path), Path.Combine(Class, student, path));
            string sample = Path.Combine(SuitePaths.Samples, student);
            if (!Directory.Exists(sample)) continue;
            foreach (string file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
                Copy(file, Path.Combine(Class, student, Path.GetRelativePath(sample, file)));
        }
        Directory.CreateDirectory(Path.Combine(Class, "stray_files"));
        File.WriteAllText(Path.Combine(Class, "stray_files", "answers.txt"), "my answers are in the notebook");
        // One student of the roster handed nothing in: the merged reports must list her as the single run does.
        File.WriteAllText(Roster, "folder,student_id,email\n" + string.Join("", Students.Select((s, i) => $"{s},S{i + 1:000},{s}@example.edu\n"))
            + "absent,S999,absent@example.edu\n");

        Single = Grade(SingleOut, "single", ["--html", "--roster", Roster, .. SharedSetupCache.Arguments]);
        for (int shard = 1; shard <= Shards; shard++)
        {
            // Shard 1 keeps its work area, for the spec of --keep-work, and builds the pristine suite there: the merge then
            // joins a shard built for itself with shards that took the build from the setup cache.
            string[] extra = shard == 1 ? ["--html", "--shard", $"{shard}/{Shards}", "--keep-work"] : ["--html", "--shard", $"{shard}/{Shards}", .. SharedSetupCache.Arguments];
            ShardRuns.Add(Grade(ShardOut(shard), $"shard-{shard}", extra));
        }
        Merge = CliProcess.Run(SuitePaths.Root, TimeSpan.FromMinutes(2), ["grade", "merge", "--out", MergedOut, "--roster", Roster, .. Enumerable.Range(1, Shards).Select(ShardOut)]);
    }

    public string Class => _folder.PathOf("class");

    public string SingleOut => _folder.PathOf("single");

    /// <summary>The class list given to the single run and to the merge (a roster belongs to the whole class, not to a shard).</summary>
    public string Roster => _folder.PathOf("roster.csv");

    public string MergedOut => _folder.PathOf("merged");

    public string ShardOut(int shard) => _folder.PathOf($"shard-{shard}");

    /// <summary>The TMPDIR a run was given: its work area was made there.</summary>
    public string TempOf(string run) => _folder.PathOf("tmp-" + run);

    /// <summary>A folder of the fixture's for a spec's own use.</summary>
    public string Scratch(string name) => _folder.PathOf("scratch", name);

    public CliResult Single { get; }

    public List<CliResult> ShardRuns { get; } = [];

    public CliResult Merge { get; }

    /// <summary>The arguments every grading run here shares.</summary>
    public static string[] Settings => ["--timeout", "5", "--parallel", "2", "--sandbox", File.Exists("/usr/bin/bwrap") ? "bwrap" : "none", "--suite", SuitePaths.Root];

    private CliResult Grade(string outDir, string run, params string[] extra)
    {
        Directory.CreateDirectory(TempOf(run));
        return EnvironmentProcess.Cli(new Dictionary<string, string> { ["TMPDIR"] = TempOf(run) }, TimeSpan.FromMinutes(15),
            ["grade", Class, "--out", outDir, .. Settings, .. extra]).EnsureSuccess("convspec grade " + run);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }

    public void Dispose() => _folder.Dispose();
}

[CollectionDefinition(ShardedClass.Collection)]
public sealed class ShardedClassDefinition : ICollectionFixture<ShardedClass>;
