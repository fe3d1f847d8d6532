using System.Numerics;

namespace ConvSpec.Arrays;

/// <summary>
/// Finds NaN and infinity. The CLI's policy (README, "Rules"): its inputs must be finite, and a result
/// that is not (float32 overflows past 3.4e38, float64 past 1.8e308) is refused rather than written.
/// </summary>
public static class Finite
{
    public static (int Row, int Col)? FirstNonFinite<T>(T[,] matrix) where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(matrix);
        for (int r = 0; r < matrix.GetLength(0); r++)
        {
            for (int c = 0; c < matrix.GetLength(1); c++)
            {
                if (!T.IsFinite(matrix[r, c])) return (r, c);
            }
        }
        return null;
    }
}
