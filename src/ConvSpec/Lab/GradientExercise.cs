using ConvSpec.Arrays;
using ConvSpec.Convolution;
using ConvSpec.Imaging;
using ConvSpec.Reference;
using TorchSharp;

namespace ConvSpec.Lab;

/// <summary>One pixel's gradient checked by finite differences, the notebook's way and the specs' way.</summary>
public sealed record FiniteDifferenceCheck(int Row, int Col, double NotebookEmpirical, double NotebookAnalytic, double Float64Empirical, double Float64Analytic)
{
    public double NotebookRelativeError => Math.Abs(NotebookEmpirical - NotebookAnalytic) / Math.Max(1, Math.Abs(NotebookAnalytic));

    public double Float64RelativeError => Math.Abs(Float64Empirical - Float64Analytic) / Math.Max(1, Math.Abs(Float64Analytic));
}

/// <summary>Exercise 3's outcome for L = Σ y² with K = G_x.</summary>
public sealed record GradientOutcome(float[,] InputGradient, IReadOnlyList<FiniteDifferenceCheck> Checks, AscentResult<double> Ascent)
{
    /// <summary>The same ascent in float32, the notebook's dtype, whose loss overflows to infinity (erratum E9).</summary>
    public IReadOnlyList<float> Float32Losses { get; init; } = [];
}

/// <summary>Exercise 3: the input gradient, its finite-difference check, and gradient ascent.</summary>
public static class GradientExercise
{
    /// <summary>Pixels to check: the four corners, border midpoints and interior points, so both bounds are exercised.</summary>
    public static IReadOnlyList<(int Row, int Col)> CheckedPixels(int rows, int cols) =>
        [(0, 0), (0, cols - 1), (rows - 1, 0), (rows - 1, cols - 1), (1, cols / 2), (rows / 2, 1), (rows - 2, cols / 3), (rows / 2, cols / 2), (rows / 3, 2 * cols / 3)];

    public static GradientOutcome Run(float[,] image, int ascentSeed = 0)
    {
        float[,] sobelX = SobelKernels.Gx<float>();
        float[,] gradient = ConvGradients.ConvGradientWrtInput(Matrix.Scale(2f, TorchReference.Conv2d(image, sobelX)), sobelX);

        double[,] image64 = Matrix.Convert<float, double>(image), sobelX64 = SobelKernels.Gx<double>();
        double[,] gradient64 = ConvGradients.ConvGradientWrtInput(Matrix.Scale(2.0, Convolution2D.ApplyConvolution(image64, sobelX64)), sobelX64);

        var checks = CheckedPixels(image.GetLength(0), image.GetLength(1))
            .Select(p => new FiniteDifferenceCheck(p.Row, p.Col,
                NotebookEmpirical((float[,])image.Clone(), p.Row, p.Col), gradient[p.Row, p.Col],
                CentralDifference(image64, sobelX64, p.Row, p.Col), gradient64[p.Row, p.Col]))
            .ToList();

        return new GradientOutcome(gradient, checks, Ascend(ascentSeed)) { Float32Losses = AscendInFloat32(ascentSeed).Losses };
    }

    /// <summary>
    /// The notebook's ascent: 9×9 uniform start, step 0.01, 100 steps. Run in float64 because the loss grows
    /// by up to (1 + 0.02·λ_max)² ≈ 4.3 per step, reaches 1e61–1e64 by step 100 and passes float32's 3.4e38 near
    /// step 60 (erratum E9).
    /// </summary>
    public static AscentResult<double> Ascend(int seed = 0)
    {
        double[,] start = Matrix.Convert<float, double>(RandomImage(9, 9, seed));
        return GradientAscent.MaximizeSumOfSquares(start, SobelKernels.Gx<double>(), 0.01, 100);
    }

    /// <summary>The notebook's ascent in its own dtype, float32, from the same start as <see cref="Ascend"/>.</summary>
    public static AscentResult<float> AscendInFloat32(int seed = 0) =>
        GradientAscent.MaximizeSumOfSquares(RandomImage(9, 9, seed), SobelKernels.Gx<float>(), 0.01f, 100);

    /// <summary>torch.rand's role in the notebook: uniform [0, 1) pixels, here from a seeded System.Random.</summary>
    public static float[,] RandomImage(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var image = new float[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++) image[r, c] = random.NextSingle();
        }
        return image;
    }

    /// <summary>
    /// The notebook's check of ∂L/∂x_ij for L = Σ (G_x ∗ I)²: float32, ε = 1e-6, conv2d, and Σ(y₊² − y₋²) / 2ε.
    /// Leaves <paramref name="image"/> perturbed by float rounding, as the notebook does; pass a copy.
    /// </summary>
    public static double NotebookEmpirical(float[,] image, int i, int j)
    {
        const float eps = 1e-6f;
        using var scope = torch.NewDisposeScope();
        torch.Tensor sobelX = TensorArrays.ToTensor(SobelKernels.Gx<float>()).view(1, 1, 3, 3);
        torch.Tensor Conv() => torch.nn.functional.conv2d(TensorArrays.ToTensor(image).unsqueeze(0).unsqueeze(0), sobelX);
        image[i, j] += eps;
        torch.Tensor positive = Conv();
        image[i, j] -= 2 * eps;
        torch.Tensor negative = Conv();
        image[i, j] += eps;
        return (positive.pow(2) - negative.pow(2)).sum().item<float>() / (2 * eps);
    }

    /// <summary>The specs' check: float64 central differences with ε = 1e-5.</summary>
    private static double CentralDifference(double[,] image, double[,] kernel, int i, int j)
    {
        const double eps = 1e-5;
        double original = image[i, j];
        image[i, j] = original + eps;
        double plus = SumOfSquares(Convolution2D.ApplyConvolution(image, kernel));
        image[i, j] = original - eps;
        double minus = SumOfSquares(Convolution2D.ApplyConvolution(image, kernel));
        image[i, j] = original;
        return (plus - minus) / (2 * eps);
    }

    private static double SumOfSquares(double[,] y)
    {
        double sum = 0;
        foreach (double v in y) sum += v * v;
        return sum;
    }
}
