using ConvSpec.Convolution;
using static ConvSpec.Tests.Unit.Convolution.Matrices;

namespace ConvSpec.Tests.Unit.Convolution;

public class ConvolutionMatrixSpecs
{
    [Theory]
    [Specifies("Eq. 9")]
    [InlineData(3, 3, 2, 2)]
    [InlineData(5, 4, 3, 1)]
    [InlineData(4, 6, 2, 3)]
    public void The_convolution_matrix_times_vec_X_is_vec_Y(int rows, int cols, int kernelRows, int kernelCols)
    {
        double[,] x = Random(rows, cols, seed: 11), k = Random(kernelRows, kernelCols, seed: 12);

        double[,] c = ConvolutionMatrixBuilder.ConvolutionMatrix(k, rows, cols);

        (c.GetLength(0), c.GetLength(1)).Should().Be(((rows - kernelRows + 1) * (cols - kernelCols + 1), rows * cols));
        Multiply(c, Vec(x)).Should().Equal(Vec(Convolution2D.ApplyConvolution(x, k)), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Theory]
    [Specifies("Eq. 9")]
    [InlineData(3, 3, 2, 2)]
    [InlineData(6, 5, 3, 3)]
    public void The_input_gradient_is_the_transposed_matrix_times_vec_dL_dY(int rows, int cols, int kernelRows, int kernelCols)
    {
        double[,] k = Random(kernelRows, kernelCols, seed: 13);
        double[,] dLossDy = Random(rows - kernelRows + 1, cols - kernelCols + 1, seed: 14);

        double[] viaMatrix = Multiply(Transpose(ConvolutionMatrixBuilder.ConvolutionMatrix(k, rows, cols)), Vec(dLossDy));

        viaMatrix.Should().Equal(Vec(ConvGradients.ConvGradientWrtInput(dLossDy, k)), (a, b) => Math.Abs(a - b) < 1e-12,
            "∂L/∂vec(X) = Cᵀ · ∂L/∂vec(Y): the bounds L_k..U_k pick exactly the non-zero entries of a column of C");
    }

    [Fact]
    [Specifies("Eq. 9")]
    public void Each_row_of_the_matrix_holds_the_kernel_once()
    {
        double[,] c = ConvolutionMatrixBuilder.ConvolutionMatrix(new double[,] { { 1, 2 }, { 3, 4 } }, 3, 3);

        Enumerable.Range(0, c.GetLength(1)).Select(col => c[0, col]).Should().Equal([1, 2, 0, 3, 4, 0, 0, 0, 0],
            "y₁₁ reads x₁₁ x₁₂ x₂₁ x₂₂ of the row-major vec(X)");
    }
}
