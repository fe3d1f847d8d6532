using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Grading.Grade.Delegation;

/// <summary>Turns what <see cref="DelegationCheck"/> found into verdicts: every spec of a delegating exercise fails, and the feedback says why.</summary>
internal static class DelegationVerdicts
{
    private const int ShownTargets = 8;

    private const int ShownPlaces = 3;

    public static List<SpecVerdict> Apply(IReadOnlyList<SpecVerdict> verdicts, IReadOnlyList<DelegatedCall> found, List<string> notes)
    {
        var reasons = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var exercise in found.GroupBy(d => d.Exercise))
        {
            var places = exercise.GroupBy(d => (d.Method, d.Why)).Select(g =>
            {
                var targets = g.Select(d => d.Target).ToList();
                string more = targets.Count > ShownTargets ? $", and {targets.Count - ShownTargets} more" : "";
                return $"{g.Key.Method} uses {g.Key.Why} ({string.Join(", ", targets.Take(ShownTargets))}{more})";
            }).ToList();
            string morePlaces = places.Count > ShownPlaces ? $"; and {places.Count - ShownPlaces} more place(s)" : "";
            reasons[exercise.Key] = $"the {exercise.Key} exercise is written by hand, so its code must compute the answer itself, but "
                + string.Join("; ", places.Take(ShownPlaces)) + morePlaces + ".";
            notes.Add($"0 points for {exercise.Key}: {reasons[exercise.Key]}");
        }
        return verdicts.Select(v => v.Passed && reasons.TryGetValue(v.Spec.Exercise, out string? why)
            ? v with { Passed = false, Message = "not counted: " + why }
            : v).ToList();
    }
}
