using ConvSpec.Exercises;
using FluentAssertions.Equivalency;

namespace ConvSpec.Tests.Graded;

/// <summary>How the graded specs compare numbers: tolerances, inner products, parameter lists.</summary>
internal static class Agreement
{
    /// <summary>Equivalence of matrices element by element, each within <paramref name="tolerance"/>.</summary>
    public static Func<EquivalencyAssertionOptions<double[,]>, EquivalencyAssertionOptions<double[,]>> Within(double tolerance) =>
        options => options.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, tolerance)).WhenTypeIs<double>();

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

    /// <summary>"name [shape]", as the parameter lists of the CNN specs are written.</summary>
    public static string Describe(NamedTensor parameter) => $"{parameter.Name} [{string.Join(", ", parameter.Value.Shape)}]";

    /// <summary>
    /// Whether two networks' scores agree: within 1e-4, absolute plus relative, since the two sides may sum a
    /// convolution's products in another order (another process, another thread count).
    /// </summary>
    public static bool SameScore(float actual, float expected) => Math.Abs(actual - expected) <= 1e-4f + 1e-4f * Math.Abs(expected);

    /// <summary>The largest difference between two parameter lists of the same names and shapes.</summary>
    public static double LargestDifference(IReadOnlyList<NamedTensor> actual, IReadOnlyList<NamedTensor> expected) =>
        actual.Zip(expected, (a, e) => a.Value.Values.Zip(e.Value.Values, (x, y) => Math.Abs((double)x - y)).DefaultIfEmpty(0).Max())
            .DefaultIfEmpty(0).Max();
}
