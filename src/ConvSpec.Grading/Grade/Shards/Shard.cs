using System.Globalization;

namespace ConvSpec.Grading.Grade.Shards;

/// <summary>
/// The <see cref="Index"/>-th of <see cref="Count"/> parts of a class (1-based, as `--shard I/N` writes it). Students
/// are dealt round-robin in the ordinal order of their names: the student at position p (0-based) belongs to shard
/// p mod N + 1. Every machine that lists the same submissions folder deals the same hands, and the shards differ in
/// size by at most one student; a hash of the name would keep a student's shard when others join, but can leave one
/// shard with twice its share.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>"I/N" with 1 ≤ I ≤ N; null and a reason otherwise.</summary>
    public static Shard? TryParse(string text, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            problem = $"'{text}' is not a shard: write I/N, the I-th of N shards (e.g. 2/3).";
            return null;
        }
        if (count < 1 || index < 1 || index > count)
        {
            problem = $"'{text}' is not a shard: I/N needs 1 ≤ I ≤ N.";
            return null;
        }
        problem = "";
        return new Shard(index, count);
    }

    /// <summary>Whether the student at <paramref name="position"/> of the class (ordinal order, 0-based) is in this shard.</summary>
    public bool Holds(int position) => position % Count == Index - 1;

    /// <summary>This shard's part of <paramref name="sortedClass"/>, in the same order.</summary>
    public IReadOnlyList<T> Of<T>(IReadOnlyList<T> sortedClass)
    {
        ArgumentNullException.ThrowIfNull(sortedClass);
        return sortedClass.Where((_, position) => Holds(position)).ToList();
    }

    public override string ToString() => $"{Index}/{Count}";
}
