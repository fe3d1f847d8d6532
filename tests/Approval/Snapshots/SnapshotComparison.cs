namespace ConvSpec.Tests.Approval.Snapshots;

/// <summary>How a received image compares with its verified snapshot, level by level.</summary>
public sealed record SnapshotComparison(
    bool SameSize, string ExpectedSize, string ActualSize, int LargestDifference, int PixelsBeyondTolerance, (int Row, int Col) WorstPixel)
{
    public bool Matches => SameSize && PixelsBeyondTolerance == 0;

    public static SnapshotComparison Compare(byte[,] expected, byte[,] actual, int toleranceLevels)
    {
        string expectedSize = $"{expected.GetLength(0)}×{expected.GetLength(1)}";
        string actualSize = $"{actual.GetLength(0)}×{actual.GetLength(1)}";
        if (expected.GetLength(0) != actual.GetLength(0) || expected.GetLength(1) != actual.GetLength(1))
            return new SnapshotComparison(false, expectedSize, actualSize, 0, 0, (0, 0));

        int largest = 0, beyond = 0;
        (int, int) worst = (0, 0);
        for (int r = 0; r < expected.GetLength(0); r++)
        {
            for (int c = 0; c < expected.GetLength(1); c++)
            {
                int difference = Math.Abs(expected[r, c] - actual[r, c]);
                if (difference > toleranceLevels) beyond++;
                if (difference > largest) (largest, worst) = (difference, (r, c));
            }
        }
        return new SnapshotComparison(true, expectedSize, actualSize, largest, beyond, worst);
    }

    public string Describe() => SameSize
        ? $"largest pixel difference {LargestDifference}/255 at (row {WorstPixel.Row}, column {WorstPixel.Col}), " +
          $"{PixelsBeyondTolerance} pixels beyond the tolerance of {Snapshot.ToleranceLevels}/255"
        : $"size {ActualSize} where the snapshot is {ExpectedSize}";
}
