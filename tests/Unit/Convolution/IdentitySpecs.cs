using ConvSpec.Convolution;
using ConvSpec.Reference;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>Identities of the valid correlation and the d2l exercises on edges and derivative kernels.</summary>
public class IdentitySpecs
{
    private static double[,] Corr(double[,] x, double[,] k) => Convolution2D.ApplyConvolution(x, k);

    /// <summary>Runs <paramref name="trial"/> <paramref name="count"/> times, each drawing from one generator seeded with <paramref name="seed"/>.</summary>
    private static void Trials(int seed, int count, Action<Random> trial)
    {
        var random = new Random(seed);
        for (int n = 0; n < count; n++) trial(random);
    }

    [Fact]
    [Specifies("Eq. 13")]
    public void Transposing_image_and_kernel_transposes_the_output()
    {
        Trials(seed: 13, count: 25, random =>
        {
            int rows = random.Next(1, 10), cols = random.Next(1, 10);
            double[,] x = Matrices.RandomIntegers(rows, cols, random);
            double[,] k = Matrices.RandomIntegers(random.Next(1, rows + 1), random.Next(1, cols + 1), random);

            double[,] expected = Matrices.Transpose(Corr(x, k));
            double[,] actual = Corr(Matrices.Transpose(x), Matrices.Transpose(k));
            actual.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(),
                "y_ij of (Xᵀ, Kᵀ) sums x_{{j+l, i+k}}·k_lk, which is y_ji of (X, K); integers make both orders exact");
        });
    }

    [Fact]
    [Specifies("Eq. 5")]
    public void Input_gradient_is_the_full_correlation_with_the_flipped_kernel()
    {
        Trials(seed: 5, count: 20, random =>
        {
            int kernelRows = random.Next(1, 5), kernelCols = random.Next(1, 5);
            double[,] dLossDy = Matrices.RandomIntegers(random.Next(1, 7), random.Next(1, 7), random);
            double[,] kernel = Matrices.RandomIntegers(kernelRows, kernelCols, random);

            // Pad Y′ by r(K) − 1 rows and c(K) − 1 columns of zeros on every side, flip K in both axes, correlate.
            var padded = new double[dLossDy.GetLength(0) + 2 * (kernelRows - 1), dLossDy.GetLength(1) + 2 * (kernelCols - 1)];
            for (int a = 0; a < dLossDy.GetLength(0); a++)
            {
                for (int b = 0; b < dLossDy.GetLength(1); b++)
                    padded[a + kernelRows - 1, b + kernelCols - 1] = dLossDy[a, b];
            }
            double[,] flipped = Where(kernelRows, kernelCols, (k, l) => kernel[kernelRows - 1 - k, kernelCols - 1 - l]);

            ConvGradients.ConvGradientWrtInput(dLossDy, kernel).Should().BeEquivalentTo(TorchReference.Conv2d(padded, flipped), o => o.WithStrictOrdering(),
                "∂L/∂X is Y′ padded with zeros and correlated with K flipped: the border bounds only skip the zero terms");
        });
    }

    /// <summary>6×6 with ones on and above the diagonal: its edge runs diagonally between (i, i−1) and (i, i).</summary>
    private static double[,] UpperTriangle()
    {
        var x = new double[6, 6];
        for (int i = 0; i < 6; i++)
        {
            for (int j = i; j < 6; j++)
                x[i, j] = 1;
        }
        return x;
    }

    private static double[,] Where(int rows, int cols, Func<int, int, double> value)
    {
        var m = new double[rows, cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
                m[i, j] = value(i, j);
        }
        return m;
    }

    [Fact]
    [Specifies("Erratum E8")]
    public void Horizontal_difference_kernel_detects_a_diagonal_edge()
    {
        // y_ij = x_ij − x_{i,j+1} is −1 where 0 meets 1 going right, i.e. at j = i − 1, and 0 elsewhere.
        double[,] expected = Where(6, 5, (i, j) => j == i - 1 ? -1 : 0);
        Corr(UpperTriangle(), Matrices.Row(1.0, -1.0)).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(),
            "[1, −1] responds wherever a row changes value, and a diagonal edge changes every row (not a zero matrix)");
    }

    [Fact]
    [Specifies("Erratum E8")]
    public void Transposing_the_diagonal_image_flips_the_sign_of_the_response()
    {
        // Xᵀ has ones on and below the diagonal: x_ii − x_{i,i+1} = 1 − 0 at j = i.
        double[,] expected = Where(6, 5, (i, j) => j == i ? 1 : 0);
        Corr(Matrices.Transpose(UpperTriangle()), Matrices.Row(1.0, -1.0)).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(),
            "the edge now goes from 1 to 0 left to right, so [1, −1] answers +1 on the diagonal");
    }

    [Fact]
    [Specifies("Erratum E8")]
    public void Transposing_the_kernel_detects_the_diagonal_edge_along_columns()
    {
        // Kᵀ = [1; −1]: y_ij = x_ij − x_{i+1,j}, which is 1 − 0 exactly at j = i.
        double[,] expected = Where(5, 6, (i, j) => j == i ? 1 : 0);
        Corr(UpperTriangle(), Matrices.Transpose(Matrices.Row(1.0, -1.0))).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(),
            "a diagonal edge is also an edge between rows, so the transposed kernel finds it too");
    }

    [Fact]
    [Specifies("Eq. 14")]
    public void Second_difference_kernel_is_exact_on_quadratics()
    {
        // On samples p(t) = a t² + b t + c, p(t) − 2p(t+1) + p(t+2) = 2a for every t (Taylor stops at order 2).
        const double a = 3, b = -7, c = 11;
        double[] samples = Enumerable.Range(0, 10).Select(t => a * t * t + b * t + c).ToArray();
        double[,] y = Corr(Matrices.Row(samples), Matrices.Row(1.0, -2.0, 1.0));
        Matrices.Vec(y).Should().AllBeEquivalentTo(2 * a, "[1, −2, 1] is the second difference, and p″ = 2a = 6 everywhere");
    }

    /// <summary>The derivative orders d the two Vandermonde specs try.</summary>
    public static TheoryData<int> Degrees => new() { 1, 2, 3, 4, 5 };

    [Theory]
    [Specifies("Eq. 14")]
    [MemberData(nameof(Degrees))]
    public void A_length_d_kernel_cannot_take_a_d_th_derivative(int d)
    {
        // A kernel k_0..k_{m−1} annihilates t^q for all q < d iff Σ_l k_l·l^q = 0 (q = 0..d−1): V·k = 0 with the
        // d×m Vandermonde V_ql = l^q. For m = d, V is square with distinct nodes, so full rank d forces k = 0,
        // and a zero kernel cannot respond to t^d either.
        RankOfVandermonde(rows: d, nodes: d).Should().Be(d,
            "the {0}×{0} Vandermonde system has only the zero solution, so no {0}-tap kernel kills degrees below {0} and keeps degree {0}", d);
    }

    [Theory]
    [Specifies("Eq. 14")]
    [MemberData(nameof(Degrees))]
    public void A_length_d_plus_one_kernel_takes_the_d_th_derivative(int d)
    {
        // With m = d + 1 the system V·k = 0 has a one-dimensional solution: the d-th difference, k_l = (−1)^{d−l}·C(d, l).
        RankOfVandermonde(rows: d, nodes: d + 1).Should().Be(d, "d equations in d + 1 unknowns leave one free direction");
        double[] kernel = Enumerable.Range(0, d + 1).Select(l => (((d - l) % 2 == 0) ? 1.0 : -1.0) * Binomial(d, l)).ToArray();
        for (int q = 0; q <= d; q++)
        {
            double[] samples = Enumerable.Range(0, 12).Select(t => Math.Pow(t, q)).ToArray();
            double[] y = Matrices.Vec(Corr(Matrices.Row(samples), Matrices.Row(kernel)));
            double expected = q < d ? 0 : Factorial(d);
            y.Should().AllSatisfy(v => v.Should().BeApproximately(expected, 1e-9,
                "the {0}-th difference of t^{1} is {2} (d! for degree d, 0 below)", d, q, expected));
        }
    }

    private static double Binomial(int n, int k) => Factorial(n) / (Factorial(k) * Factorial(n - k));

    private static double Factorial(int n) => Enumerable.Range(1, n).Aggregate(1.0, (p, f) => p * f);

    /// <summary>Rank of V_ql = l^q (q &lt; rows, l &lt; nodes) by exact elimination: the entries are small integers.</summary>
    private static int RankOfVandermonde(int rows, int nodes)
    {
        var v = new System.Numerics.BigInteger[rows, nodes];
        for (int q = 0; q < rows; q++)
        {
            for (int l = 0; l < nodes; l++)
                v[q, l] = System.Numerics.BigInteger.Pow(l, q);
        }
        int rank = 0;
        for (int col = 0; col < nodes && rank < rows; col++)
        {
            int pivot = Enumerable.Range(rank, rows - rank).FirstOrDefault(r => !v[r, col].IsZero, -1);
            if (pivot < 0) continue;
            for (int c = 0; c < nodes; c++)
                (v[rank, c], v[pivot, c]) = (v[pivot, c], v[rank, c]);
            for (int r = 0; r < rows; r++)
            {
                if (r == rank || v[r, col].IsZero) continue;
                System.Numerics.BigInteger factor = v[r, col], pivotValue = v[rank, col];
                for (int c = 0; c < nodes; c++)
                    v[r, c] = v[r, c] * pivotValue - v[rank, c] * factor;
            }
            rank++;
        }
        return rank;
    }
}
