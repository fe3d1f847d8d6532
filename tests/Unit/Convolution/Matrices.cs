using System.Numerics;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>Small matrix helpers the specs share: seeded random fills, transposes, comparisons.</summary>
internal static class Matrices
{
    /// <summary>Uniform values in [-1, 1) from a seeded generator, so every run sees the same numbers.</summary>
    public static double[,] Random(int rows, int cols, Random random)
    {
        var m = new double[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                m[r, c] = random.NextDouble() * 2 - 1;
        }
        return m;
    }

    /// <summary>Small integers in [-4, 4]: sums of their products are exact in double, whatever the order.</summary>
    public static double[,] RandomIntegers(int rows, int cols, Random random)
    {
        var m = new double[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                m[r, c] = random.Next(-4, 5);
        }
        return m;
    }

    public static float[,] ToFloat(double[,] m)
    {
        var f = new float[m.GetLength(0), m.GetLength(1)];
        for (int r = 0; r < m.GetLength(0); r++)
        {
            for (int c = 0; c < m.GetLength(1); c++)
                f[r, c] = (float)m[r, c];
        }
        return f;
    }

    public static T[,] Transpose<T>(T[,] m)
    {
        var t = new T[m.GetLength(1), m.GetLength(0)];
        for (int r = 0; r < m.GetLength(0); r++)
        {
            for (int c = 0; c < m.GetLength(1); c++)
                t[c, r] = m[r, c];
        }
        return t;
    }

    public static T[,] Row<T>(params T[] values)
    {
        var m = new T[1, values.Length];
        for (int c = 0; c < values.Length; c++)
            m[0, c] = values[c];
        return m;
    }

    public static T[] Vec<T>(T[,] m) => m.Cast<T>().ToArray();

    public static double[] Multiply(double[,] a, double[] x)
    {
        var y = new double[a.GetLength(0)];
        for (int r = 0; r < a.GetLength(0); r++)
        {
            for (int c = 0; c < a.GetLength(1); c++)
                y[r] += a[r, c] * x[c];
        }
        return y;
    }

    /// <summary>The largest |a − b| over all elements; the shapes must agree.</summary>
    public static double MaxAbsDifference<T>(T[,] a, T[,] b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.GetLength(0) != b.GetLength(0) || a.GetLength(1) != b.GetLength(1))
            throw new ArgumentException($"shapes differ: {Shape(a)} and {Shape(b)}.");
        double max = 0;
        for (int r = 0; r < a.GetLength(0); r++)
        {
            for (int c = 0; c < a.GetLength(1); c++)
                max = Math.Max(max, double.CreateChecked(T.Abs(a[r, c] - b[r, c])));
        }
        return max;
    }

    public static string Shape<T>(T[,] m) => $"{m.GetLength(0)}×{m.GetLength(1)}";

    /// <summary>A matrix as text, for failure messages a student can read.</summary>
    public static string Show<T>(T[,] m)
    {
        var rows = new List<string>();
        for (int r = 0; r < m.GetLength(0); r++)
        {
            var cells = new List<string>();
            for (int c = 0; c < m.GetLength(1); c++)
                cells.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0:0.####}", m[r, c]));
            rows.Add("[" + string.Join(", ", cells) + "]");
        }
        return "[" + string.Join(", ", rows) + "]";
    }
}
