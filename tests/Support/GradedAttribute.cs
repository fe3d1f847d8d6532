using Xunit.v3;

namespace ConvSpec.Tests;

/// <summary>
/// Marks a spec as graded: passing it (every case of a theory) earns <see cref="Points"/> for
/// <see cref="Exercise"/>. Becomes the traits Exercise=... and Points=..., which `convspec grade`
/// reads from the pristine suite's own test run. On a class, every test method of the class carries it.
/// docs/grading.md lists the points; a spec checks that table against these attributes.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class GradedAttribute : Attribute, ITraitAttribute
{
    public GradedAttribute(string exercise, int points)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(exercise);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        Exercise = exercise;
        Points = points;
    }

    public string Exercise { get; }

    public int Points { get; }

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() =>
        [new("Exercise", Exercise), new("Points", Points.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
