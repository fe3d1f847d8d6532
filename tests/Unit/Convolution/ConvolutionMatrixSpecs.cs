using ConvSpec.Convolution;
using ConvSpec.Reference;

namespace ConvSpec.Tests.Unit.Convolution;

public class ConvolutionMatrixSpecs
{
    public static TheoryData<int, int, int, int> Shapes => new()
    {
        { 5, 5, 3, 3 },
        { 4, 7, 2, 3 },
        { 6, 3, 1, 3 },
        { 3, 3, 3, 3 },
    };

    [Theory]
    [Specifies("Eq. 10")]
    [MemberData(nameof(Shapes))]
    public void Convolution_is_a_matrix_product_on_the_flattened_image(int rows, int cols, int kernelRows, int kernelCols)
    {
        var random = new Random(rows * cols + kernelRows * kernelCols);
        double[,] image = Matrices.Random(rows, cols, random), kernel = Matrices.Random(kernelRows, kernelCols, random);

        double[] viaMatrix = Matrices.Multiply(ConvolutionMatrixBuilder.ConvolutionMatrix(kernel, rows, cols), Matrices.Vec(image));
        double[] direct = Matrices.Vec(TorchReference.Conv2d(image, kernel));

        viaMatrix.Should().Equal(direct, (a, b) => Math.Abs(a - b) < 1e-12,
            "vec(Y) = C·vec(X) in row-major order for a {0}×{1} image and {2}×{3} kernel", rows, cols, kernelRows, kernelCols);
    }

    [Theory]
    [Specifies("Eq. 10")]
    [MemberData(nameof(Shapes))]
    public void Input_gradient_is_the_transposed_matrix_times_the_output_gradient(int rows, int cols, int kernelRows, int kernelCols)
    {
        var random = new Random(rows + cols * kernelRows + kernelCols);
        double[,] kernel = Matrices.Random(kernelRows, kernelCols, random);
        double[,] dLossDy = Matrices.Random(rows - kernelRows + 1, cols - kernelCols + 1, random);

        double[,] c = ConvolutionMatrixBuilder.ConvolutionMatrix(kernel, rows, cols);
        double[] viaTranspose = Matrices.Multiply(Matrices.Transpose(c), Matrices.Vec(dLossDy));
        double[] autograd = Matrices.Vec(TorchGradients.InputGradient(dLossDy, new double[rows, cols], kernel));
        double[] handWritten = Matrices.Vec(ConvGradients.ConvGradientWrtInput(dLossDy, kernel));

        viaTranspose.Should().Equal(autograd, (a, b) => Math.Abs(a - b) < 1e-12,
            "∂L/∂vec(X) = Cᵀ·∂L/∂vec(Y), since vec(Y) = C·vec(X) is linear in X; autograd's ∂L/∂X is the reference");
        handWritten.Should().Equal(viaTranspose, (a, b) => Math.Abs(a - b) < 1e-12, "equation 5 and equation 10 give the same gradient");
    }

    [Fact]
    [Specifies("Eq. 10")]
    public void Each_row_of_the_matrix_holds_the_kernel_once()
    {
        double[,] kernel = { { 1, 2 }, { 3, 4 } };
        double[,] c = ConvolutionMatrixBuilder.ConvolutionMatrix(kernel, 3, 4);
        c.GetLength(0).Should().Be(6, "a 3×4 input under a 2×2 kernel has 2·3 outputs");
        c.GetLength(1).Should().Be(12, "and 12 input pixels");
        for (int row = 0; row < 6; row++)
        {
            double[] entries = Enumerable.Range(0, 12).Select(col => c[row, col]).Where(v => v != 0).ToArray();
            entries.Should().Equal([1, 2, 3, 4], "row {0} lists k_00, k_01 at one image row and k_10, k_11 one row (4 pixels) later", row);
        }
    }

    [Fact]
    [Specifies("Eq. 10")]
    public void The_matrix_rejects_a_missing_empty_or_oversized_kernel_by_name()
    {
        FluentActions.Invoking(() => ConvolutionMatrixBuilder.ConvolutionMatrix<double>(null!, 4, 5))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("kernel");
        FluentActions.Invoking(() => ConvolutionMatrixBuilder.ConvolutionMatrix(new double[0, 2], 4, 5))
            .Should().Throw<ArgumentException>().Which.Message.Should().Contain("kernel is empty (0×2)");
        FluentActions.Invoking(() => ConvolutionMatrixBuilder.ConvolutionMatrix(new double[2, 3], 4, 2))
            .Should().Throw<ArgumentException>().Which.Message.Should().Contain("kernel 2×3 is larger than the input 4×2");
        FluentActions.Invoking(() => ConvolutionMatrixBuilder.ConvolutionMatrix(new double[4, 4], 3, 5))
            .Should().Throw<ArgumentException>().Which.Message.Should().Contain("4×4").And.Contain("3×5");
    }
}
