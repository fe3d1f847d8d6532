using ConvSpec.Arrays;
using ConvSpec.Convolution;
using ConvSpec.Reference;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Unit.Convolution;

public class AgreementWithTorchSharpSpecs
{
    // Image rows, cols, kernel rows, cols: square, non-square (4×2, 1×5, 5×1), kernel = image, 1×1.
    public static TheoryData<int, int, int, int> Shapes => new()
    {
        { 5, 5, 3, 3 },
        { 7, 4, 4, 2 },
        { 6, 6, 1, 5 },
        { 6, 6, 5, 1 },
        { 4, 5, 4, 5 },
        { 1, 1, 1, 1 },
        { 9, 19, 2, 3 },
        { 3, 40, 3, 3 },
    };

    [Theory]
    [Specifies("Eq. 1")]
    [MemberData(nameof(Shapes))]
    public void Hand_written_convolution_equals_conv2d(int rows, int cols, int kernelRows, int kernelCols)
    {
        var random = new Random(rows * 1000 + cols * 100 + kernelRows * 10 + kernelCols);
        double[,] image = Matrices.Random(rows, cols, random), kernel = Matrices.Random(kernelRows, kernelCols, random);

        double[,] mine = Convolution2D.ApplyConvolution(image, kernel);
        double[,] torch = TorchReference.Conv2d(image, kernel);

        Matrices.Shape(mine).Should().Be(Matrices.Shape(torch), "the valid output of {0}×{1} by {2}×{3} has conv2d's shape", rows, cols, kernelRows, kernelCols);
        Matrices.MaxAbsDifference(mine, torch).Should().BeLessThan(1e-12,
            "in double precision the two differ only by summation order; expected {0}, got {1}", Matrices.Show(torch), Matrices.Show(mine));
    }

    [Theory]
    [Specifies("Eq. 3")]
    [Specifies("Eq. 5")]
    [MemberData(nameof(Shapes))]
    public void Hand_written_gradients_equal_autograd(int rows, int cols, int kernelRows, int kernelCols)
    {
        var random = new Random(rows * 7 + cols * 11 + kernelRows * 13 + kernelCols);
        double[,] image = Matrices.Random(rows, cols, random), kernel = Matrices.Random(kernelRows, kernelCols, random);
        double[,] dLossDy = Matrices.Random(rows - kernelRows + 1, cols - kernelCols + 1, random);

        using var scope = NewDisposeScope();
        Tensor x = TensorArrays.ToTensor(image).unsqueeze(0).unsqueeze(0).requires_grad_(true);
        Tensor k = TensorArrays.ToTensor(kernel).unsqueeze(0).unsqueeze(0).requires_grad_(true);
        // L = Σ g_ij·y_ij has ∂L/∂Y = G exactly, so autograd sees the same upstream gradient as the hand-written code.
        Tensor loss = (nn.functional.conv2d(x, k) * TensorArrays.ToTensor(dLossDy)).sum();
        loss.backward();
        double[,] autogradX = TensorArrays.ToMatrix<double>(x.grad!.squeeze(0).squeeze(0));
        double[,] autogradK = TensorArrays.ToMatrix<double>(k.grad!.squeeze(0).squeeze(0));

        double[,] mineX = ConvGradients.ConvGradientWrtInput(dLossDy, kernel);
        double[,] mineK = ConvGradients.ConvGradientWrtKernel(dLossDy, image);

        Matrices.MaxAbsDifference(mineX, autogradX).Should().BeLessThan(1e-12,
            "∂L/∂X should equal autograd's {0}, but was {1}", Matrices.Show(autogradX), Matrices.Show(mineX));
        Matrices.MaxAbsDifference(mineK, autogradK).Should().BeLessThan(1e-12,
            "∂L/∂K should equal autograd's {0}, but was {1}", Matrices.Show(autogradK), Matrices.Show(mineK));
    }

    [Fact]
    [Specifies("Eq. 1")]
    public void Convolution_equals_conv2d_for_random_shapes_in_float32()
    {
        var random = new Random(2026);
        for (int trial = 0; trial < 30; trial++)
        {
            int rows = random.Next(1, 25), cols = random.Next(1, 25);
            int kernelRows = random.Next(1, rows + 1), kernelCols = random.Next(1, cols + 1);
            float[,] image = Matrices.ToFloat(Matrices.Random(rows, cols, random));
            float[,] kernel = Matrices.ToFloat(Matrices.Random(kernelRows, kernelCols, random));

            float[,] mine = Convolution2D.ApplyConvolution(image, kernel);
            float[,] torch = TorchReference.Conv2d(image, kernel);

            // Each output sums r(K)·c(K) products of values below 1 in magnitude: float32 rounding stays near 1e-6.
            Matrices.MaxAbsDifference(mine, torch).Should().BeLessThan(1e-4,
                "image {0}×{1}, kernel {2}×{3}: hand-written and conv2d differ only by float32 rounding", rows, cols, kernelRows, kernelCols);
        }
    }

    [Fact]
    [Specifies("Eq. 1")]
    public void ApplyConvolution_equals_ComputeConvolutionAtPosition_everywhere()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 30; trial++)
        {
            // Widths past 16 exercise the vectorised rows and their scalar tails.
            int rows = random.Next(1, 12), cols = random.Next(1, 40);
            int kernelRows = random.Next(1, rows + 1), kernelCols = random.Next(1, cols + 1);
            double[,] image = Matrices.RandomIntegers(rows, cols, random), kernel = Matrices.RandomIntegers(kernelRows, kernelCols, random);
            float[,] imageF = Matrices.ToFloat(image), kernelF = Matrices.ToFloat(kernel);

            double[,] whole = Convolution2D.ApplyConvolution(image, kernel);
            float[,] wholeF = Convolution2D.ApplyConvolution(imageF, kernelF);
            for (int i = 0; i < whole.GetLength(0); i++)
            {
                for (int j = 0; j < whole.GetLength(1); j++)
                {
                    // Small integers make every partial sum exact, so the two orders must agree bit for bit.
                    double single = Convolution2D.ComputeConvolutionAtPosition(i, j, image, kernel);
                    whole[i, j].Should().Be(single, "y[{0},{1}] of image {2}×{3}, kernel {4}×{5}", i, j, rows, cols, kernelRows, kernelCols);
                    wholeF[i, j].Should().Be((float)single, "the float version of y[{0},{1}]", i, j);
                }
            }
        }
    }
}
