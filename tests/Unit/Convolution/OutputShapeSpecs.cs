using ConvSpec.Convolution;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Unit.Convolution;

public class OutputShapeSpecs
{
    [Theory]
    [Specifies("Eq. 2")]
    [InlineData(6, 3, 4)]
    [InlineData(170, 3, 168)]
    [InlineData(150, 3, 148)]
    [InlineData(28, 5, 24)]
    [InlineData(5, 5, 1)]
    [InlineData(1, 1, 1)]
    public void A_valid_convolution_shrinks_each_axis_by_the_kernel_length_minus_one(int input, int kernel, int expected) =>
        OutputShape.Valid(input, kernel).Should().Be(expected, $"r(Y) = r(X) − r(K) + 1 = {input} − {kernel} + 1");

    [Fact]
    [Specifies("Eq. 2")]
    [Specifies("Eq. 3")]
    public void The_lab_CNN_goes_28_26_13_11_5_3_and_flattens_to_576()
    {
        int[] sides = [28, 0, 0, 0, 0, 0];
        sides[1] = OutputShape.Valid(sides[0], 3);
        sides[2] = OutputShape.MaxPool(sides[1], 2);
        sides[3] = OutputShape.Valid(sides[2], 3);
        sides[4] = OutputShape.MaxPool(sides[3], 2);
        sides[5] = OutputShape.Valid(sides[4], 3);

        sides.Should().Equal([28, 26, 13, 11, 5, 3], "3×3 convolutions lose 2 and 2×2 pooling halves, rounding down");
        (64 * sides[5] * sides[5]).Should().Be(576, "the last convolution has 64 channels of 3×3, the first linear layer's input");
    }

    [Fact]
    [Specifies("Eq. 2")]
    [Specifies("Eq. 3")]
    public void LeNet_5_goes_28_24_12_8_4_and_flattens_to_256()
    {
        int conv1 = OutputShape.Valid(28, 5), pool1 = OutputShape.MaxPool(conv1, 2);
        int conv2 = OutputShape.Valid(pool1, 5), pool2 = OutputShape.MaxPool(conv2, 2);

        new[] { conv1, pool1, conv2, pool2 }.Should().Equal([24, 12, 8, 4]);
        (16 * pool2 * pool2).Should().Be(256, "16 channels of 4×4 feed fc1");
    }

    [Theory]
    [Specifies("Eq. 3")]
    [InlineData(7, 3, 1, 2, 1, 4)]
    [InlineData(7, 3, 0, 1, 2, 3)]
    [InlineData(28, 3, 1, 1, 1, 28)]
    [InlineData(10, 4, 2, 3, 1, 4)]
    [InlineData(5, 5, 0, 7, 1, 1)]
    public void The_general_formula_counts_the_strided_positions_of_the_dilated_kernel(int n, int m, int p, int s, int d, int expected) =>
        OutputShape.Conv(n, m, p, s, d).Should().Be(expected, $"⌊({n} + 2·{p} − {d}·({m} − 1) − 1) / {s}⌋ + 1");

    [Fact]
    [Specifies("Eq. 3")]
    public void Max_pooling_strides_by_its_window_unless_told_otherwise()
    {
        OutputShape.MaxPool(11, 2).Should().Be(5, "an 11-wide map has five whole 2-wide windows");
        OutputShape.MaxPool(11, 3, stride: 1).Should().Be(9);
    }

    [Property(MaxTest = 60)]
    [Specifies("Eq. 3")]
    public Property The_general_formula_matches_the_shapes_TorchSharp_returns(byte nSeed, byte mSeed, byte pSeed, byte sSeed, byte dSeed)
    {
        int m = 1 + mSeed % 4, d = 1 + dSeed % 3, s = 1 + sSeed % 3, p = pSeed % 3;
        int span = d * (m - 1) + 1;
        int n = Math.Max(1, span - 2 * p) + nSeed % 6;

        using var scope = NewDisposeScope();
        Tensor conv = nn.functional.conv2d(zeros(1, 1, n, n + 1), zeros(1, 1, m, m), strides: [s, s], padding: [p, p], dilation: [d, d]);
        bool convAgrees = conv.shape[2] == OutputShape.Conv(n, m, p, s, d) && conv.shape[3] == OutputShape.Conv(n + 1, m, p, s, d);

        int window = Math.Max(m, 2 * p);
        int poolSpan = d * (window - 1) + 1;
        int poolN = Math.Max(1, poolSpan - 2 * p) + nSeed % 6;
        Tensor pooled = nn.functional.max_pool2d(zeros(1, 1, poolN, poolN), [window, window], [s, s], [p, p], [d, d]);
        bool poolAgrees = pooled.shape[2] == OutputShape.MaxPool(poolN, window, s, p, d);

        return (convAgrees && poolAgrees).Label(
            $"conv2d n={n} m={m} p={p} s={s} d={d}: torch {conv.shape[2]}×{conv.shape[3]}, formula {OutputShape.Conv(n, m, p, s, d)}×{OutputShape.Conv(n + 1, m, p, s, d)}; " +
            $"max_pool2d n={poolN} window={window}: torch {pooled.shape[2]}, formula {OutputShape.MaxPool(poolN, window, s, p, d)}");
    }

    [Fact]
    [Specifies("Rule: bad input names what was wrong")]
    public void A_kernel_that_does_not_fit_its_padded_input_is_rejected()
    {
        FluentActions.Invoking(() => OutputShape.Conv(3, 3, padding: 0, stride: 1, dilation: 2))
            .Should().Throw<ArgumentException>().WithMessage("*spanning 5*does not fit an input of 3*");
        FluentActions.Invoking(() => OutputShape.Conv(5, 3, stride: 0)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*stride 0*");
    }
}
