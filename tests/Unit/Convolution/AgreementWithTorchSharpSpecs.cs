using ConvSpec.Convolution;
using ConvSpec.Reference;
using static ConvSpec.Tests.Unit.Convolution.Matrices;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>The hand-written convolution and gradients against TorchSharp's conv2d and autograd.</summary>
public class AgreementWithTorchSharpSpecs
{
    /// <summary>Image and kernel sizes: square and non-square kernels, 1-wide ones, and a kernel as large as the image.</summary>
    public static TheoryData<int, int, int, int> Shapes => new()
    {
        { 6, 7, 3, 3 },
        { 8, 5, 4, 2 },
        { 5, 9, 1, 5 },
        { 9, 4, 5, 1 },
        { 4, 4, 4, 4 },
        { 7, 3, 7, 3 },
        { 1, 1, 1, 1 },
        { 12, 10, 2, 3 },
    };

    // Double precision sums of at most 49 products of values in [−1, 1]: rounding stays far below 1e-12.
    private const double Tolerance = 1e-12;

    [Theory]
    [Specifies("Eq. 1")]
    [MemberData(nameof(Shapes))]
    public void ApplyConvolution_equals_conv2d(int rows, int cols, int kernelRows, int kernelCols)
    {
        double[,] x = Random(rows, cols, seed: rows * 100 + cols), k = Random(kernelRows, kernelCols, seed: kernelRows * 10 + kernelCols);

        double[,] ours = Convolution2D.ApplyConvolution(x, k), torch = TorchReference.Conv2d(x, k);

        MaxAbsDifference(ours, torch).Should().BeLessThan(Tolerance, $"Y = K ∗ X for X {rows}×{cols} and K {kernelRows}×{kernelCols}");
    }

    [Theory]
    [Specifies("Eq. 5")]
    [Specifies("Eq. 7")]
    [MemberData(nameof(Shapes))]
    public void Both_gradients_equal_autograd(int rows, int cols, int kernelRows, int kernelCols)
    {
        double[,] x = Random(rows, cols, seed: 1), k = Random(kernelRows, kernelCols, seed: 2);
        double[,] dLossDy = Random(rows - kernelRows + 1, cols - kernelCols + 1, seed: 3);

        using var scope = NewDisposeScope();
        Tensor xt = TensorArrays.ToTensor(x).requires_grad_(), kt = TensorArrays.ToTensor(k).requires_grad_();
        Tensor y = nn.functional.conv2d(xt.unsqueeze(0).unsqueeze(0), kt.unsqueeze(0).unsqueeze(0)).squeeze(0).squeeze(0);
        // L = Σ y_ij·g_ij has ∂L/∂Y = G exactly, so autograd receives the same output gradient as our code.
        (y * TensorArrays.ToTensor(dLossDy)).sum().backward();

        MaxAbsDifference(ConvGradients.ConvGradientWrtInput(dLossDy, k), TensorArrays.ToMatrix<double>(xt.grad!))
            .Should().BeLessThan(Tolerance, "∂L/∂X must equal autograd's x.grad");
        MaxAbsDifference(ConvGradients.ConvGradientWrtKernel(dLossDy, x), TensorArrays.ToMatrix<double>(kt.grad!))
            .Should().BeLessThan(Tolerance, "∂L/∂K must equal autograd's k.grad");
    }

    [Fact]
    [Specifies("Eq. 1")]
    public void ApplyConvolution_equals_ComputeConvolutionAtPosition_everywhere_in_float()
    {
        // 37 columns leave a remainder after every SIMD width, so both the vector and the scalar tail run.
        float[,] x = ToFloat(Random(20, 37, seed: 5)), k = ToFloat(Random(4, 3, seed: 6));

        float[,] y = Convolution2D.ApplyConvolution(x, k);

        for (int i = 0; i < y.GetLength(0); i++)
        {
            for (int j = 0; j < y.GetLength(1); j++)
                y[i, j].Should().BeApproximately(Convolution2D.ComputeConvolutionAtPosition(i, j, x, k), 1e-5f, $"y at ({i}, {j})");
        }
    }
}
