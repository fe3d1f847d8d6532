using ConvSpec.Convolution;
using ConvSpec.Reference;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>The notebook's last cell: 100 steps of gradient ascent on L = Σ y_ij² with K = G_x from a 9×9 uniform start.</summary>
public class GradientAscentSpecs
{
    private const double StepSize = 0.01;
    private const int Steps = 100;

    private static double[,] UniformStart(int seed)
    {
        var random = new Random(seed);
        var x = new double[9, 9];
        for (int r = 0; r < 9; r++)
        {
            for (int c = 0; c < 9; c++)
                x[r, c] = random.NextDouble();
        }
        return x;
    }

    [Theory]
    [Specifies("Eq. 11")]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Loss_increases_at_every_step(int seed)
    {
        var result = GradientAscent.MaximizeSumOfSquares(UniformStart(seed), NotebookKernels.SobelX, StepSize, Steps);

        result.Losses.Should().HaveCount(Steps, "one loss is recorded per step");
        for (int step = 1; step < Steps; step++)
        {
            result.Losses[step].Should().BeGreaterThan(result.Losses[step - 1],
                "x ← x + 2ηCᵀCx never decreases xᵀCᵀCx; step {0} went from {1} to {2}", step, result.Losses[step - 1], result.Losses[step]);
        }
    }

    [Fact]
    [Specifies("Eq. 11")]
    public void One_ascent_step_is_one_power_iteration_step()
    {
        double[,] start = UniformStart(3), kernel = NotebookKernels.SobelX;
        double[,] c = ReferenceMatrix(kernel, 9, 9);
        double[] x = Matrices.Vec(start);
        double[] ctcx = Matrices.Multiply(Matrices.Transpose(c), Matrices.Multiply(c, x));
        double[] expected = x.Select((v, n) => v + 2 * StepSize * ctcx[n]).ToArray();

        double[] actual = Matrices.Vec(GradientAscent.MaximizeSumOfSquares(start, kernel, StepSize, 1).Image);

        actual.Should().Equal(expected, (a, b) => Math.Abs(a - b) < 1e-12, "∇L = 2CᵀCx, so one step multiplies x by I + 2ηCᵀC");
    }

    // The eigen-decomposition of the 81×81 CᵀC takes about a second; every spec here shares one.
    private static readonly Lazy<(double Top, double Second, double[] Dominant)> Eigenpair = new(ComputeDominantEigenpair);

    private static (double Top, double Second, double[] Dominant) DominantEigenpair() => Eigenpair.Value;

    private static (double Top, double Second, double[] Dominant) ComputeDominantEigenpair()
    {
        double[,] c = ReferenceMatrix(NotebookKernels.SobelX, 9, 9);
        var (eigenvalues, eigenvectors) = SymmetricEigen.Jacobi(MatrixProduct(Matrices.Transpose(c), c));
        int top = Array.IndexOf(eigenvalues, eigenvalues.Max());
        double second = eigenvalues.Where((_, n) => n != top).Max();
        return (eigenvalues[top], second, Enumerable.Range(0, 81).Select(r => eigenvectors[r, top]).ToArray());
    }

    /// <summary>tan of the angle between x and the axis v (v of unit length).</summary>
    private static double TangentToAxis(double[] x, double[] v)
    {
        double along = Dot(x, v);
        return Math.Sqrt(Math.Max(0, Dot(x, x) - along * along)) / Math.Abs(along);
    }

    [Theory]
    [Specifies("Eq. 11")]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Off_axis_part_shrinks_by_the_power_iteration_factor(int seed)
    {
        var (top, second, dominant) = DominantEigenpair();
        top.Should().BeGreaterThan(second * 1.01, "the dominant eigenvector must be unique for 'the' direction to exist");
        double[,] start = UniformStart(seed);
        double[] x = Matrices.Vec(GradientAscent.MaximizeSumOfSquares(start, NotebookKernels.SobelX, StepSize, Steps).Image);

        // x_t = Σ c_i (1 + 2ηλ_i)^t v_i, so tan θ_t ≤ tan θ_0 · ((1 + 2ηλ₂)/(1 + 2ηλ₁))^t.
        double factor = Math.Pow((1 + 2 * StepSize * second) / (1 + 2 * StepSize * top), Steps);
        double bound = TangentToAxis(Matrices.Vec(start), dominant) * factor;
        TangentToAxis(x, dominant).Should().BeLessThanOrEqualTo(bound * (1 + 1e-9),
            "with λ₁ = {0:F3} and λ₂ = {1:F3}, 100 steps must shrink the off-axis part at least {2:F1}-fold", top, second, 1 / factor);
    }

    [Theory]
    [Specifies("Eq. 11")]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Image_direction_converges_to_the_dominant_eigenvector(int seed)
    {
        var (top, second, dominant) = DominantEigenpair();
        // λ₂/λ₁ ≈ 0.94 shrinks the off-axis part only ≈ 19-fold per 100 steps: from some starts the notebook's 100 steps
        // end near cosine 0.98, so run the same ascent three times as long (≈ 7000-fold).
        double[] x = Matrices.Vec(GradientAscent.MaximizeSumOfSquares(UniformStart(seed), NotebookKernels.SobelX, StepSize, 3 * Steps).Image);

        double cosine = Math.Abs(Dot(x, dominant)) / Math.Sqrt(Dot(x, x) * Dot(dominant, dominant));
        cosine.Should().BeGreaterThanOrEqualTo(0.99,
            "the ascent is power iteration on I + 2ηCᵀC, whose top eigenvector is that of CᵀC (λ₁ = {0:F3}, λ₂ = {1:F3})", top, second);
    }

    [Fact]
    [Specifies("Eq. 11")]
    public void Eigen_solver_reproduces_its_matrix()
    {
        // The solver is ours, so check it: A·v = λ·v for every pair, on the very matrix used above.
        double[,] c = ReferenceMatrix(NotebookKernels.SobelX, 9, 9);
        double[,] ctc = MatrixProduct(Matrices.Transpose(c), c);
        var (eigenvalues, eigenvectors) = SymmetricEigen.Jacobi(ctc);
        for (int n = 0; n < 81; n++)
        {
            double[] v = Enumerable.Range(0, 81).Select(r => eigenvectors[r, n]).ToArray();
            double[] av = Matrices.Multiply(ctc, v);
            av.Select((value, r) => Math.Abs(value - eigenvalues[n] * v[r])).Max().Should().BeLessThan(1e-9,
                "eigenpair {0} (λ = {1}) must satisfy A·v = λ·v", n, eigenvalues[n]);
        }
    }

    /// <summary>C of equation 10 from conv2d alone: column n is vec(K ∗ e_n) for the n-th unit image e_n.</summary>
    private static double[,] ReferenceMatrix(double[,] kernel, int rows, int cols)
    {
        int outputs = (rows - kernel.GetLength(0) + 1) * (cols - kernel.GetLength(1) + 1);
        var c = new double[outputs, rows * cols];
        for (int n = 0; n < rows * cols; n++)
        {
            var unit = new double[rows, cols];
            unit[n / cols, n % cols] = 1;
            double[] column = Matrices.Vec(TorchReference.Conv2d(unit, kernel));
            for (int m = 0; m < outputs; m++)
                c[m, n] = column[m];
        }
        return c;
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (p, q) => p * q).Sum();

    private static double[,] MatrixProduct(double[,] a, double[,] b)
    {
        var p = new double[a.GetLength(0), b.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int k = 0; k < a.GetLength(1); k++)
            {
                for (int j = 0; j < b.GetLength(1); j++)
                    p[i, j] += a[i, k] * b[k, j];
            }
        }
        return p;
    }
}

/// <summary>Cyclic Jacobi rotations for a small symmetric matrix: eigenvalues and eigenvectors (as columns).</summary>
internal static class SymmetricEigen
{
    public static (double[] Values, double[,] Vectors) Jacobi(double[,] symmetric)
    {
        int n = symmetric.GetLength(0);
        var a = (double[,])symmetric.Clone();
        var v = new double[n, n];
        for (int i = 0; i < n; i++) v[i, i] = 1;

        for (int sweep = 0; sweep < 100; sweep++)
        {
            double offDiagonal = 0;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                    offDiagonal += a[p, q] * a[p, q];
            }
            if (offDiagonal < 1e-22) break;

            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300) continue;
                    // Choose the rotation angle that zeroes a[p, q].
                    double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    double cos = 1 / Math.Sqrt(t * t + 1), sin = t * cos;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = cos * akp - sin * akq;
                        a[k, q] = sin * akp + cos * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = cos * apk - sin * aqk;
                        a[q, k] = sin * apk + cos * aqk;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double vkp = v[k, p], vkq = v[k, q];
                        v[k, p] = cos * vkp - sin * vkq;
                        v[k, q] = sin * vkp + cos * vkq;
                    }
                }
            }
        }
        return (Enumerable.Range(0, n).Select(i => a[i, i]).ToArray(), v);
    }
}
