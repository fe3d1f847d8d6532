using System.Numerics;
using ConvSpec.Convolution;
using ConvSpec.Convolution.Fast;
using FsCheck.Xunit;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>
/// The SIMD kernel is an optimisation of the exercise's plain loop, so it must return the same numbers. Small integer
/// pixels and weights make every partial sum exact, so "the same" means bit for bit, whatever the summation order.
/// </summary>
public class FastConvolutionSpecs
{
    private static T[,] Integers<T>(int rows, int cols, Random random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var m = new T[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                m[r, c] = T.CreateChecked(random.Next(-4, 5));
        }
        return m;
    }

    private static void ShouldEqualThePlainLoop<T>(int rows, int cols, int kernelRows, int kernelCols, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        T[,] image = Integers<T>(rows, cols, random), kernel = Integers<T>(kernelRows, kernelCols, random);

        T[,] fast = FastConvolution.ApplyConvolution(image, kernel);
        T[,] plain = Convolution2D.ApplyConvolution(image, kernel);

        Matrices.Shape(fast).Should().Be(Matrices.Shape(plain));
        // One pass over the outputs; FluentAssertions' structural comparison takes seconds on 512×512.
        for (int i = 0; i < plain.GetLength(0); i++)
        {
            for (int j = 0; j < plain.GetLength(1); j++)
            {
                if (fast[i, j] != plain[i, j])
                    fast[i, j].Should().Be(plain[i, j], "FastConvolution of image {0}×{1} and kernel {2}×{3} ({4}) must equal the plain loop at y[{5}, {6}]",
                        rows, cols, kernelRows, kernelCols, typeof(T).Name, i, j);
            }
        }
    }

    [Property(MaxTest = 80, Replay = "(20261130, 13)")]
    [Specifies("Eq. 1")]
    public void Fast_convolution_equals_the_plain_loop_on_random_shapes(byte rowsSeed, byte colsSeed, byte kernelRowsSeed, byte kernelColsSeed, int seed)
    {
        // Widths 1..40 cover rows narrower than a register (8 floats, 4 doubles on AVX2), exact multiples, and tails.
        int rows = 1 + rowsSeed % 12, cols = 1 + colsSeed % 40;
        int kernelRows = 1 + kernelRowsSeed % rows, kernelCols = 1 + kernelColsSeed % cols;
        ShouldEqualThePlainLoop<float>(rows, cols, kernelRows, kernelCols, seed);
        ShouldEqualThePlainLoop<double>(rows, cols, kernelRows, kernelCols, seed);
    }

    [Theory]
    [Specifies("Eq. 1")]
    [InlineData(170, 150, 3, 3)]
    [InlineData(512, 512, 3, 3)]
    [InlineData(28, 28, 5, 5)]
    [InlineData(9, 9, 9, 9)]
    [InlineData(3, 67, 1, 1)]
    public void Fast_convolution_equals_the_plain_loop_at_the_labs_sizes(int rows, int cols, int kernelRows, int kernelCols)
    {
        ShouldEqualThePlainLoop<float>(rows, cols, kernelRows, kernelCols, rows * cols);
        ShouldEqualThePlainLoop<double>(rows, cols, kernelRows, kernelCols, rows + cols);
    }

    [Fact]
    [Specifies("Eq. 1")]
    public void Fast_convolution_of_a_row_one_register_wide_plus_one_fills_the_last_output()
    {
        // Every output but the last is zero; only the last window holds the 1: a wrong tail would leave it 0.
        int width = Vector<float>.Count + 1;
        var image = new float[1, width + 2];
        image[0, width + 1] = 1;
        float[,] y = FastConvolution.ApplyConvolution(image, new float[,] { { 0, 0, 5 } });
        y.GetLength(1).Should().Be(width);
        y[0, width - 1].Should().Be(5, "the last output reads x[0, {0}]·k[0, 2] = 1·5", width + 1);
        Enumerable.Range(0, width - 1).Select(j => y[0, j]).Should().AllBeEquivalentTo(0f);
    }

    [Fact]
    [Specifies("Eq. 1")]
    public void Fast_convolution_rejects_a_missing_array_by_its_parameter_name()
    {
        var image = new double[4, 5];
        var kernel = new double[3, 3];
        FluentActions.Invoking(() => FastConvolution.ApplyConvolution(null!, kernel)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("image");
        FluentActions.Invoking(() => FastConvolution.ApplyConvolution(image, null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("kernel");
    }
}
