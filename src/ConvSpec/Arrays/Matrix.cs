using System.Numerics;

namespace ConvSpec.Arrays;

/// <summary>Element-wise helpers for the T[,] matrices the exercise code works on.</summary>
public static class Matrix
{
    /// <summary>Each element converted to <typeparamref name="TTo"/> (float ↔ double), rounding to the nearest value.</summary>
    public static TTo[,] Convert<TFrom, TTo>(TFrom[,] matrix)
        where TFrom : unmanaged, IFloatingPointIeee754<TFrom>
        where TTo : unmanaged, IFloatingPointIeee754<TTo> => Map(matrix, TTo.CreateTruncating);

    /// <summary>factor · M, e.g. ∂L/∂Y = 2Y for L = Σ y².</summary>
    public static T[,] Scale<T>(T factor, T[,] matrix) where T : unmanaged, IFloatingPointIeee754<T> => Map(matrix, v => factor * v);

    private static TTo[,] Map<TFrom, TTo>(TFrom[,] matrix, Func<TFrom, TTo> map)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var result = new TTo[matrix.GetLength(0), matrix.GetLength(1)];
        for (int r = 0; r < matrix.GetLength(0); r++)
        {
            for (int c = 0; c < matrix.GetLength(1); c++) result[r, c] = map(matrix[r, c]);
        }
        return result;
    }
}
