using ConvSpec.Arrays;
using ConvSpec.Convolution;
using ConvSpec.Lab;
using ConvSpec.Reference;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>
/// Central differences against the hand-written gradients (docs/derivations.md, equation 7). The loss
/// L = Σ (y_ij − t_ij)² is quadratic in X and in K, so the O(ε²) truncation term vanishes and only
/// rounding is left: about machine-ε·|L|/ε ≈ 2.2e-16 · 100 / 1e-4 ≈ 2e-10 here.
/// </summary>
public class FiniteDifferenceSpecs
{
    private const double Epsilon = 1e-4;
    // 500× the rounding estimate above, and still 18 000× below the smallest single summand |k·y′| in these cases (1.8e-3).
    private const double Tolerance = 1e-7;

    // L and ∂L/∂Y come from conv2d, so the only hand-written code in each comparison is the gradient under test.
    private static double Loss(double[,] image, double[,] kernel, double[,] target)
    {
        double[,] y = TorchReference.Conv2d(image, kernel);
        double loss = 0;
        for (int i = 0; i < y.GetLength(0); i++)
        {
            for (int j = 0; j < y.GetLength(1); j++)
                loss += (y[i, j] - target[i, j]) * (y[i, j] - target[i, j]);
        }
        return loss;
    }

    private static double[,] LossGradientWrtY(double[,] image, double[,] kernel, double[,] target)
    {
        double[,] y = TorchReference.Conv2d(image, kernel);
        var g = new double[y.GetLength(0), y.GetLength(1)];
        for (int i = 0; i < y.GetLength(0); i++)
        {
            for (int j = 0; j < y.GetLength(1); j++)
                g[i, j] = 2 * (y[i, j] - target[i, j]);
        }
        return g;
    }

    /// <summary>(L(m + εe) − L(m − εe)) / 2ε for every element of <paramref name="varied"/>.</summary>
    private static double[,] CentralDifferences(double[,] varied, Func<double> loss)
    {
        var numeric = new double[varied.GetLength(0), varied.GetLength(1)];
        for (int r = 0; r < varied.GetLength(0); r++)
        {
            for (int c = 0; c < varied.GetLength(1); c++) numeric[r, c] = CentralDifferences(varied, r, c, loss);
        }
        return numeric;
    }

    private static double SumOfSquares(double[,] y)
    {
        double sum = 0;
        foreach (double v in y) sum += v * v;
        return sum;
    }

    /// <summary>(L(m + εe) − L(m − εe)) / 2ε for one pixel of <paramref name="varied"/>.</summary>
    private static double CentralDifferences(double[,] varied, int r, int c, Func<double> loss)
    {
        double original = varied[r, c];
        varied[r, c] = original + Epsilon;
        double plus = loss();
        varied[r, c] = original - Epsilon;
        double minus = loss();
        varied[r, c] = original;
        return (plus - minus) / (2 * Epsilon);
    }

    /// <summary>A random image, kernel and target of the valid output's size, drawn from <paramref name="seed"/>.</summary>
    private static (double[,] Image, double[,] Kernel, double[,] Target) Problem(int seed, int rows, int cols, int kernelRows, int kernelCols)
    {
        var random = new Random(seed);
        double[,] image = Matrices.Random(rows, cols, random), kernel = Matrices.Random(kernelRows, kernelCols, random);
        return (image, kernel, Matrices.Random(rows - kernelRows + 1, cols - kernelCols + 1, random));
    }

    private static void ShouldAgree(string gradient, double[,] numeric, double[,] analytic) =>
        Matrices.MaxAbsDifference(analytic, numeric).Should().BeLessThan(Tolerance,
            "central differences gave {0}, the hand-written {1} gave {2}", Matrices.Show(numeric), gradient, Matrices.Show(analytic));

    public static TheoryData<int, int, int, int> Shapes => new()
    {
        { 6, 7, 3, 3 },
        { 5, 8, 2, 4 },
        { 7, 5, 4, 2 },
        { 6, 6, 1, 5 },
        { 6, 6, 5, 1 },
        { 4, 4, 4, 4 },
    };

    [Theory]
    [Specifies("Eq. 7")]
    [Specifies("Eq. 5")]
    [MemberData(nameof(Shapes))]
    public void Input_gradient_matches_central_differences_at_every_pixel(int rows, int cols, int kernelRows, int kernelCols)
    {
        var (image, kernel, target) = Problem(rows + 10 * cols + 100 * kernelRows + 1000 * kernelCols, rows, cols, kernelRows, kernelCols);

        ShouldAgree("∂L/∂X", CentralDifferences(image, () => Loss(image, kernel, target)),
            ConvGradients.ConvGradientWrtInput(LossGradientWrtY(image, kernel, target), kernel));
    }

    [Theory]
    [Specifies("Eq. 7")]
    [Specifies("Eq. 3")]
    [MemberData(nameof(Shapes))]
    public void Kernel_gradient_matches_central_differences_at_every_kernel_element(int rows, int cols, int kernelRows, int kernelCols)
    {
        var (image, kernel, target) = Problem(7 * rows + 3 * cols + kernelRows + 5 * kernelCols, rows, cols, kernelRows, kernelCols);

        ShouldAgree("∂L/∂K", CentralDifferences(kernel, () => Loss(image, kernel, target)),
            ConvGradients.ConvGradientWrtKernel(LossGradientWrtY(image, kernel, target), image));
    }

    /// <summary>
    /// A plausible student bug: the notebook's loop written as `for i in range(num_rows_img - 1)` (and the same
    /// for columns), so the last row and column of ∂L/∂X keep their initial zero.
    /// </summary>
    private static T[,] InputGradientMissingLastRowAndColumn<T>(T[,] dLossDy, T[,] kernel)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int kernelRows = kernel.GetLength(0), kernelCols = kernel.GetLength(1);
        int rows = dLossDy.GetLength(0) + kernelRows - 1, cols = dLossDy.GetLength(1) + kernelCols - 1;
        var gradient = new T[rows, cols];
        for (int i = 0; i < rows - 1; i++)
        {
            for (int j = 0; j < cols - 1; j++)
            {
                for (int k = Math.Max(0, i - rows + kernelRows); k < Math.Min(kernelRows, i + 1); k++)
                {
                    for (int l = Math.Max(0, j - cols + kernelCols); l < Math.Min(kernelCols, j + 1); l++)
                        gradient[i, j] += dLossDy[i - k, j - l] * kernel[k, l];
                }
            }
        }
        return gradient;
    }

    [Fact]
    [Specifies("Erratum E5")]
    public void Full_double_check_rejects_a_gradient_with_a_border_bug()
    {
        var random = new Random(55);
        double[,] image = Matrices.Random(6, 7, random), kernel = NotebookKernels.SobelX;
        double[,] target = new double[4, 5];

        double[,] numeric = CentralDifferences(image, () => Loss(image, kernel, target));
        double[,] dLossDy = LossGradientWrtY(image, kernel, target);

        Matrices.MaxAbsDifference(ConvGradients.ConvGradientWrtInput(dLossDy, kernel), numeric).Should().BeLessThan(Tolerance,
            "the correct gradient passes the full check");
        Matrices.MaxAbsDifference(InputGradientMissingLastRowAndColumn(dLossDy, kernel), numeric).Should().BeGreaterThan(1e-3,
            "checking every pixel must catch a last row and column left at zero");
    }

    /// <summary>
    /// The notebook's check, step by step: float32 image, ε = 1e-6 added in place, conv2d twice, Σ(conv_pos² − conv_neg²)/(2ε),
    /// one uniformly drawn pixel. The exact ∂L/∂X is autograd's, in float64 (<see cref="Reference"/>); the hand-written
    /// gradient and the buggy one are computed in float32 from dloss_dy = 2·conv2d(img, G_x), as the notebook does.
    /// </summary>
    private sealed class NotebookCheck
    {
        private readonly float[,] _image;

        public NotebookCheck(float[,] image)
        {
            _image = image;
            using var scope = NewDisposeScope();
            Reference = TorchGradients.SumOfSquaresWrtInput(Matrix.Convert<float, double>(image), NotebookKernels.SobelX).Gradient;
            float[,] sobelX = Matrices.ToFloat(NotebookKernels.SobelX);
            float[,] dLossDy = Matrix.Scale(2f, TorchReference.Conv2d(image, sobelX));
            HandWritten = ConvGradients.ConvGradientWrtInput(dLossDy, sobelX);
            Buggy = InputGradientMissingLastRowAndColumn(dLossDy, sobelX);
        }

        public double[,] Reference { get; }
        public float[,] HandWritten { get; }
        public float[,] Buggy { get; }

        public float Empirical(int i, int j) => (float)GradientExercise.NotebookEmpirical(_image, i, j);
    }

    private static float[,] NotebookSizedImage()
    {
        // The notebook downsizes its photo to 170×150; a crop of camera.png of that size plays its part.
        float[,] camera = TestImages.Channel("camera.png", 0);
        var crop = new float[170, 150];
        for (int r = 0; r < 170; r++)
        {
            for (int c = 0; c < 150; c++)
                crop[r, c] = camera[r + 100, c + 180];
        }
        return crop;
    }

    [Fact]
    [Specifies("Erratum E5")]
    public void Notebook_single_pixel_check_accepts_a_gradient_with_a_border_bug_in_most_draws()
    {
        var check = new NotebookCheck(NotebookSizedImage());
        var random = new Random(1234);
        const int draws = 200;
        var pixels = Enumerable.Range(0, draws).Select(_ => (I: random.Next(170), J: random.Next(150))).ToArray();
        float[] empirical = pixels.Select(p => check.Empirical(p.I, p.J)).ToArray();

        // "Minimal differences": the smallest tolerance with which the exact gradient passes every draw.
        double tolerance = pixels.Select((p, n) => Math.Abs(empirical[n] - check.Reference[p.I, p.J])).Max();
        tolerance.Should().BeInRange(0.1, 5, "float32 with ε = 1e-6 is off by a few per cent of gradients up to ≈ 60 (measured 0.86)");
        pixels.Where((p, n) => Math.Abs(empirical[n] - check.HandWritten[p.I, p.J]) > tolerance + 1e-3).Should().BeEmpty(
            "the hand-written gradient passes every draw that the exact one passes");
        int buggyAccepted = pixels.Where((p, n) => Math.Abs(empirical[n] - check.Buggy[p.I, p.J]) <= tolerance).Count();

        // A draw exposes the bug only on the last row or column: 319 of 25 500 pixels, about 1.3 %.
        buggyAccepted.Should().BeGreaterThanOrEqualTo(draws * 95 / 100,
            "the notebook checks one random pixel, and the bug lives on the last row and column only; it was accepted in {0} of {1} draws",
            buggyAccepted, draws);
        // And it is only the border draws that can expose it: no draw elsewhere rejects the buggy gradient.
        int rejectedAwayFromTheBorder = pixels.Where((p, n) => p.I != 169 && p.J != 149
            && Math.Abs(empirical[n] - check.Buggy[p.I, p.J]) > tolerance).Count();
        rejectedAwayFromTheBorder.Should().Be(0, "the buggy and the correct gradient agree away from the last row and column");
    }

    [Fact]
    [Specifies("Erratum E5")]
    public void Notebook_float32_difference_with_epsilon_1e6_is_far_looser_than_the_double_check()
    {
        float[,] image = NotebookSizedImage();
        var check = new NotebookCheck(image);
        var random = new Random(4321);
        double[,] image64 = Matrix.Convert<float, double>(image);
        double worstRelative = 0, worstDouble = 0, worstHandWritten = 0;
        for (int draw = 0; draw < 50; draw++)
        {
            int i = random.Next(1, 169), j = random.Next(1, 149);
            double exact = check.Reference[i, j];
            if (Math.Abs(exact) < 1) continue; // relative error is meaningless near zero
            worstRelative = Math.Max(worstRelative, Math.Abs(check.Empirical(i, j) - exact) / Math.Abs(exact));
            double central = CentralDifferences(image64, i, j, () => SumOfSquares(TorchReference.Conv2d(image64, NotebookKernels.SobelX)));
            worstDouble = Math.Max(worstDouble, Math.Abs(central - exact) / Math.Abs(exact));
            worstHandWritten = Math.Max(worstHandWritten, Math.Abs(check.HandWritten[i, j] - exact) / Math.Abs(exact));
        }

        // x + 1e-6 in float32 near 0.5 is rounded to a multiple of 6e-8, and each y² ≈ 1 carries ≈ 6e-8 of rounding
        // that the division by 2e-6 magnifies: errors of a few per cent are expected (measured 4 %), against ≈ 1e-9 in
        // the double check; the hand-written float32 gradient itself is exact to float32 rounding.
        worstRelative.Should().BeInRange(1e-3, 0.2,
            "float32 with ε = 1e-6 loses most significant digits; the worst relative error over 50 draws was {0:E2}", worstRelative);
        worstDouble.Should().BeLessThan(1e-7, "float64 with ε = 1e-4 on the same pixels keeps its digits; worst {0:E2}", worstDouble);
        worstHandWritten.Should().BeLessThan(1e-5, "the hand-written ∂L/∂X is the exact gradient up to float32 rounding; worst {0:E2}", worstHandWritten);
    }
}
