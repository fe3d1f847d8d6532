using System.Text.Json;
using ConvSpec.Grading.Grade.Results;
using ConvSpec.IO;

namespace ConvSpec.Grading.Grade.Shards;

/// <summary>
/// The machine-readable half of a shard's output: shard/shard.json (<see cref="ShardMarker"/>) and one
/// shard/students/&lt;student&gt;.json per student, each the <see cref="StudentResult"/> every report of that student is
/// rendered from. `grade merge` reads them back and renders the class's reports with the function a single run uses.
/// </summary>
public static class ShardRecords
{
    public const string Folder = "shard";

    public const string MarkerFile = "shard.json";

    public const string StudentsFolder = "students";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void Write(string outDir, ShardMarker marker, IReadOnlyList<StudentResult> results)
    {
        ArgumentNullException.ThrowIfNull(marker);
        ArgumentNullException.ThrowIfNull(results);
        string students = Path.Combine(outDir, Folder, StudentsFolder);
        Directory.CreateDirectory(students);
        using var outputs = new StagedOutputs();
        foreach (var result in results)
            outputs.Stage(Path.Combine(students, result.Student + ".json"), stream => JsonText(stream, result));
        // The marker last (renamed in staging order): a shard whose run died while writing has no marker, and merge refuses it.
        outputs.Stage(Path.Combine(outDir, Folder, MarkerFile), stream => JsonText(stream, marker));
        outputs.Commit();
    }

    private static void JsonText<T>(Stream stream, T value) =>
        stream.Write(System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, Json) + "\n"));

    /// <summary>A shard's marker and its students' results, or a <see cref="ShardMergeException"/> that says what is wrong with it.</summary>
    public static (ShardMarker Marker, IReadOnlyList<StudentResult> Results) Read(string shardOut)
    {
        string markerPath = Path.Combine(shardOut, Folder, MarkerFile);
        if (!File.Exists(markerPath))
            throw new ShardMergeException($"{shardOut} is not the output of `convspec grade --shard I/N`: it has no {Folder}/{MarkerFile} (a shard that did not finish writes none).");
        var marker = Parse<ShardMarker>(markerPath);
        if (marker.Format != ShardMarker.CurrentFormat)
            throw new ShardMergeException($"{markerPath} is of format {marker.Format}; this convspec merges format {ShardMarker.CurrentFormat}. Grade the shards and merge them with one version.");
        if (marker.Count < 1 || marker.Index < 1 || marker.Index > marker.Count || marker.Class is null || marker.Students is null || marker.Specs is null
            || marker.Limits is null || marker.Exercises is null || marker.Headings is null || marker.Ignored is null)
            throw new ShardMergeException($"{markerPath} is not a valid shard marker.");
        var expected = marker.Shard.Of(marker.Class);
        if (!expected.SequenceEqual(marker.Students, StringComparer.Ordinal))
            throw new ShardMergeException($"{markerPath}: its students are not shard {marker.Shard}'s share of its class.");

        string folder = Path.Combine(shardOut, Folder, StudentsFolder);
        var found = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList()
            : [];
        if (!found.SequenceEqual(marker.Students, StringComparer.Ordinal))
            throw new ShardMergeException($"{folder} holds records of {Names(found)}, but shard {marker.Shard} graded {Names(marker.Students)}.");
        var results = new List<StudentResult>();
        foreach (string student in marker.Students)
        {
            var result = Parse<StudentResult>(Path.Combine(folder, student + ".json"));
            if (result.Student != student || result.Verdicts is null || result.Rejected is null || result.BuildErrors is null || result.Notes is null)
                throw new ShardMergeException($"{Path.Combine(folder, student + ".json")} is not the record of {student}.");
            results.Add(result);
        }
        return (marker, results);
    }

    private static T Parse<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new ShardMergeException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new ShardMergeException($"{path} is not a readable shard record ({e.Message}).");
        }
    }

    private static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "no student" : string.Join(", ", names);
}

/// <summary>Shard outputs that cannot be merged into the reports of one run; the message says why.</summary>
public sealed class ShardMergeException(string message) : Exception(message);
