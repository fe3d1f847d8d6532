using ConvSpec.Grading.Grade.Reports;
using ConvSpec.Grading.Grade.Results;
using ConvSpec.Grading.Grade.Shards;

namespace ConvSpec.Grading.Grade;

/// <summary>What `grade merge` wrote: the class's students, from how many shards.</summary>
public sealed record MergedRun(IReadOnlyList<StudentResult> Students, int Shards);

/// <summary>
/// `convspec grade merge --out OUT SHARD_OUT...`: joins the outputs of `grade --shard I/N` for I = 1..N into the
/// reports of one run, rendered from the shards' student records by <see cref="Grader.Write"/>, the function a single
/// run writes with (<see cref="ClassReports"/>), so both give the same bytes (timing.csv aside, which holds elapsed
/// times). Everything is checked before anything is written: every shard present once, all of one class, one suite and
/// one set of settings. A roster belongs to the whole class, so it is given here rather than to each shard.
/// </summary>
public static class ShardMerge
{
    public static MergedRun Merge(string outDir, IReadOnlyList<string> shardOuts, string? rosterPath = null)
    {
        ArgumentNullException.ThrowIfNull(shardOuts);
        var roster = rosterPath is null ? null : Roster.Read(rosterPath);
        if (shardOuts.Count == 0) throw new ShardMergeException("no shard output was given: name the --out folder of every `grade --shard I/N`.");
        string target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        var shards = new List<(string Folder, ShardMarker Marker, IReadOnlyList<StudentResult> Results)>();
        foreach (string folder in shardOuts)
        {
            string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
            if (full == target)
                throw new ShardMergeException($"--out {outDir} is also a shard's output; merge into a folder of its own.");
            if (!Directory.Exists(full)) throw new ShardMergeException($"the shard output {folder} does not exist.");
            var (marker, records) = ShardRecords.Read(full);
            shards.Add((folder, marker, records));
        }

        var first = shards[0];
        foreach (var other in shards.Skip(1))
        {
            if (other.Marker.Suite != first.Marker.Suite)
                throw new ShardMergeException($"{other.Folder} and {first.Folder} were graded with different suites or settings (--timeout, --student-timeout, --sandbox); grade every shard with the same ones.");
            if (other.Marker.Containment != first.Marker.Containment)
                throw new ShardMergeException($"{other.Folder} and {first.Folder} contained student code differently ({other.Marker.Containment} / {first.Marker.Containment}); grade every shard on machines that can make the same sandbox and control groups.");
            if (other.Marker.Limits != first.Marker.Limits || other.Marker.HiddenVisibility != first.Marker.HiddenVisibility || other.Marker.Html != first.Marker.Html)
                throw new ShardMergeException($"{other.Folder} and {first.Folder} were graded with different report settings (limits, --hidden-visibility, --html); grade every shard with the same ones.");
            if (!other.Marker.Exercises.SequenceEqual(first.Marker.Exercises, StringComparer.Ordinal) || !other.Marker.Headings.SequenceEqual(first.Marker.Headings, StringComparer.Ordinal)
                || !other.Marker.Ignored.SequenceEqual(first.Marker.Ignored, StringComparer.Ordinal))
                throw new ShardMergeException($"{other.Folder} and {first.Folder} disagree on the suite's exercises or headings, or on what the class folder held besides hand-ins; grade every shard from one copy of both.");
            if (other.Marker.Count != first.Marker.Count || !other.Marker.Class.SequenceEqual(first.Marker.Class, StringComparer.Ordinal))
                throw new ShardMergeException($"{other.Folder} (shard {other.Marker.Shard}) and {first.Folder} (shard {first.Marker.Shard}) are shards of different classes or different shard counts.");
        }
        int count = first.Marker.Count;
        var twice = shards.GroupBy(s => s.Marker.Index).Where(g => g.Count() > 1).Select(g => $"shard {g.Key}/{count} ({string.Join(", ", g.Select(s => s.Folder))})").ToList();
        if (twice.Count > 0)
            throw new ShardMergeException($"overlapping shards: {string.Join("; ", twice)} given more than once.");
        var missing = Enumerable.Range(1, count).Except(shards.Select(s => s.Marker.Index)).Select(i => $"{i}/{count}").ToList();
        if (missing.Count > 0)
            throw new ShardMergeException($"incomplete: shard(s) {string.Join(", ", missing)} of the class's {count} are missing.");

        var results = shards.SelectMany(s => s.Results).OrderBy(r => r.Student, StringComparer.Ordinal).ToList();
        if (!results.Select(r => r.Student).SequenceEqual(first.Marker.Class, StringComparer.Ordinal))
            throw new ShardMergeException("the shards' students do not add up to their class.");

        var m = first.Marker;
        var settings = new ReportSettings(m.Containment, m.Limits, m.HiddenVisibility, m.Html, roster);
        Directory.CreateDirectory(target);
        ClassReports.Write(target, new ClassReport(new ReportLayout(m.Specs, m.Exercises, m.Headings), results, settings, m.Ignored));
        return new MergedRun(results, count);
    }
}
