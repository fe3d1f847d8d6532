using FluentAssertions.Equivalency;

namespace ConvSpec.Tests.Graded;

/// <summary>
/// The definitions written out the plainest way, independent of the exercise code, so a graded spec
/// compares a student's answer with the formula itself rather than with another implementation under test.
/// </summary>
internal static class DirectReference
{
    /// <summary>G_x of equation 2, as the notebook writes it.</summary>
    public static readonly double[,] SobelGx = { { -1, 0, 1 }, { -2, 0, 2 }, { -1, 0, 1 } };

    /// <summary>y_ij = Σ_k Σ_l x_{i+k, j+l} · k_kl over the valid positions (equation 1, 0-based).</summary>
    public static double[,] Correlate(double[,] x, double[,] kernel)
    {
        int rows = x.GetLength(0) - kernel.GetLength(0) + 1, cols = x.GetLength(1) - kernel.GetLength(1) + 1;
        var y = new double[rows, cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                for (int k = 0; k < kernel.GetLength(0); k++)
                {
                    for (int l = 0; l < kernel.GetLength(1); l++)
                        y[i, j] += x[i + k, j + l] * kernel[k, l];
                }
            }
        }
        return y;
    }

    public static double[,] Transpose(double[,] m)
    {
        var t = new double[m.GetLength(1), m.GetLength(0)];
        for (int i = 0; i < m.GetLength(0); i++)
        {
            for (int j = 0; j < m.GetLength(1); j++)
                t[j, i] = m[i, j];
        }
        return t;
    }

    /// <summary>Σ a_ij · b_ij, the inner product of two matrices of one shape.</summary>
    public static double Inner(double[,] a, double[,] b)
    {
        double sum = 0;
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
                sum += a[i, j] * b[i, j];
        }
        return sum;
    }

    /// <summary>A matrix of uniform values in [-1, 1) from a fixed seed: the same numbers on every run.</summary>
    public static double[,] Random(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var m = new double[rows, cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
                m[i, j] = random.NextDouble() * 2 - 1;
        }
        return m;
    }

    /// <summary>Equivalence of matrices element by element, each within <paramref name="tolerance"/>.</summary>
    public static Func<EquivalencyAssertionOptions<double[,]>, EquivalencyAssertionOptions<double[,]>> Within(double tolerance) =>
        options => options.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, tolerance)).WhenTypeIs<double>();
}
