using System.Text.Json.Serialization;
using ConvSpec.Grading.Grade.Reports;
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
/// <param name="Containment">How student code was contained, in the words grading-log.md shows.</param>
/// <param name="Limits">The limits student code ran under, in the words grading-log.md shows.</param>
/// <param name="HiddenVisibility">--hidden-visibility, which results.json shows.</param>
/// <param name="Html">--html: whether feedback is also written as pages.</param>
/// <param name="Exercises">The exercises in the lab's order, as the reports number them.</param>
/// <param name="Headings">The headings of docs/derivations.md that feedback links into.</param>
/// <param name="Ignored">What the intake ignored in the class's folder, for grading-log.md.</param>
/// <param name="Specs">The graded specs, as the pristine suite's run read them.</param>
public sealed record ShardMarker(
    int Format,
    int Index,
    int Count,
    IReadOnlyList<string> Class,
    IReadOnlyList<string> Students,
    string Suite,
    string Containment,
    string Limits,
    Visibility HiddenVisibility,
    bool Html,
    IReadOnlyList<string> Exercises,
    IReadOnlyList<string> Headings,
    IReadOnlyList<string> Ignored,
    IReadOnlyList<GradedSpec> Specs)
{
    public const int CurrentFormat = 2;

    [JsonIgnore]
    public Shard Shard => new(Index, Count);
}
