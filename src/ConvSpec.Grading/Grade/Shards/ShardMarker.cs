using System.Text.Json.Serialization;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade.Shards;

/// <summary>
/// What a shard's output says about itself (shard/shard.json), so that `grade merge` can tell a complete set of shards
/// of one class, graded with one suite and one set of settings, from anything else.
/// </summary>
/// <param name="Format">The version of this record; merge refuses another.</param>
/// <param name="Class">Every student of the class, in ordinal order: the whole deal, not only this shard's hand.</param>
/// <param name="Students">This shard's students, in ordinal order.</param>
/// <param name="Suite">The fingerprint of the suite's files and of the settings that change verdicts (<see cref="SuiteFingerprint"/>).</param>
/// <param name="Containment">How student code was contained, in the words every feedback file shows.</param>
/// <param name="Specs">The graded specs, as the pristine suite's run read them.</param>
public sealed record ShardMarker(
    int Format,
    int Index,
    int Count,
    IReadOnlyList<string> Class,
    IReadOnlyList<string> Students,
    string Suite,
    string Containment,
    IReadOnlyList<GradedSpec> Specs)
{
    public const int CurrentFormat = 1;

    [JsonIgnore]
    public Shard Shard => new(Index, Count);
}
