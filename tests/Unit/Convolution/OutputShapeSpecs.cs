using ConvSpec.Convolution;
using FsCheck.Xunit;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Unit.Convolution;

public class OutputShapeSpecs
{
    [Theory]
    [Specifies("Eq. 8")]
    [InlineData(6, 3, 4)]
    [InlineData(28, 3, 26)]
    [InlineData(28, 5, 24)]
    [InlineData(170, 3, 168)]
    [InlineData(5, 5, 1)]
    [InlineData(1, 1, 1)]
    public void Valid_output_length_is_input_minus_kernel_plus_one(int input, int kernel, int expected)
    {
        OutputShape.Valid(input, kernel).Should().Be(expected,
            "a kernel of {0} fits at input − kernel + 1 = {1} positions of an input of {2}", kernel, expected, input);
    }

    [Theory]
    [Specifies("Eq. 8")]
    [InlineData(28, 3, 1, 1, 1, 28)] // "same" padding keeps the size
    [InlineData(28, 3, 0, 2, 1, 13)] // ⌊25/2⌋ + 1
    [InlineData(10, 3, 0, 1, 2, 6)] // dilation 2 spans 5 pixels
    [InlineData(7, 2, 2, 3, 1, 4)] // ⌊(7 + 4 − 2)/3⌋ + 1
    public void Conv_output_length_follows_padding_stride_and_dilation(int input, int kernel, int padding, int stride, int dilation, int expected)
    {
        OutputShape.Conv(input, kernel, padding, stride, dilation).Should().Be(expected,
            "⌊(n + 2p − d(m − 1) − 1)/s⌋ + 1 with n={0}, m={1}, p={2}, s={3}, d={4}", input, kernel, padding, stride, dilation);
    }

    [Fact]
    [Specifies("Eq. 9")]
    public void Lab_cnn_shrinks_28_to_3_and_flattens_to_576()
    {
        // The lab's model: conv 3×3 (32), pool 2, conv 3×3 (64), pool 2, conv 3×3 (64), flatten.
        int[] chain =
        [
            28,
            OutputShape.Valid(28, 3),
            OutputShape.MaxPool(26, 2),
            OutputShape.Valid(13, 3),
            OutputShape.MaxPool(11, 2),
            OutputShape.Valid(5, 3),
        ];
        chain.Should().Equal([28, 26, 13, 11, 5, 3], "the notebook prints (32, 26, 26) after the first layer and pooling floors 11/2 to 5");
        (64 * chain[^1] * chain[^1]).Should().Be(576, "the first dense layer of the lab CNN takes 64·3·3 inputs");
    }

    [Fact]
    [Specifies("Eq. 9")]
    public void LeNet5_shrinks_28_to_4_and_flattens_to_256()
    {
        int[] chain =
        [
            28,
            OutputShape.Valid(28, 5),
            OutputShape.MaxPool(24, 2),
            OutputShape.Valid(12, 5),
            OutputShape.MaxPool(8, 2),
        ];
        chain.Should().Equal([28, 24, 12, 8, 4], "LeNet-5 on unpadded 28×28 MNIST uses two 5×5 convolutions, each followed by 2×2 pooling");
        (16 * chain[^1] * chain[^1]).Should().Be(256, "LeNet-5's first dense layer then takes 16·4·4 inputs");
    }

    [Property(MaxTest = 60, Replay = "(20261123, 17)")]
    [Specifies("Eq. 8")]
    public void Conv_formula_matches_the_shape_TorchSharp_returns(byte kernelSeed, byte paddingSeed, byte strideSeed, byte dilationSeed, byte extraSeed)
    {
        int kernel = 1 + kernelSeed % 4, padding = paddingSeed % 3, stride = 1 + strideSeed % 3, dilation = 1 + dilationSeed % 2;
        int span = dilation * (kernel - 1) + 1;
        // The smallest input the padded kernel fits, plus a little, so every draw is a legal convolution.
        int input = Math.Max(1, span - 2 * padding) + extraSeed % 6;

        using var scope = NewDisposeScope();
        Tensor output = nn.functional.conv2d(ones(1, 1, input, input + 1), ones(1, 1, kernel, kernel),
            strides: [stride, stride], padding: [padding, padding], dilation: [dilation, dilation]);

        output.shape.Should().Equal(
            new long[] { 1, 1, OutputShape.Conv(input, kernel, padding, stride, dilation), OutputShape.Conv(input + 1, kernel, padding, stride, dilation) },
            "conv2d of a {0}×{1} input with kernel {2}, padding {3}, stride {4}, dilation {5} returned that shape",
            input, input + 1, kernel, padding, stride, dilation);
    }

    [Property(MaxTest = 60, Replay = "(20261123, 29)")]
    [Specifies("Eq. 9")]
    public void MaxPool_formula_matches_the_shape_TorchSharp_returns(byte windowSeed, byte paddingSeed, byte strideSeed, byte dilationSeed, byte extraSeed)
    {
        int window = 1 + windowSeed % 4, stride = 1 + strideSeed % 3, dilation = 1 + dilationSeed % 2;
        int padding = paddingSeed % (window / 2 + 1); // PyTorch allows at most half the window
        int span = dilation * (window - 1) + 1;
        int input = Math.Max(1, span - 2 * padding) + extraSeed % 6;

        using var scope = NewDisposeScope();
        Tensor output = nn.functional.max_pool2d(ones(1, 1, input, input), [window, window],
            strides: [stride, stride], padding: [padding, padding], dilation: [dilation, dilation]);

        long expected = OutputShape.MaxPool(input, window, stride, padding, dilation);
        output.shape.Should().Equal(new long[] { 1, 1, expected, expected },
            "max_pool2d of {0}×{0} with window {1}, padding {2}, stride {3}, dilation {4} returned that shape",
            input, window, padding, stride, dilation);
    }

    [Fact]
    [Specifies("Eq. 9")]
    public void MaxPool_stride_defaults_to_the_window()
    {
        OutputShape.MaxPool(11, 2).Should().Be(5, "pooling 11 by non-overlapping windows of 2 keeps ⌊11/2⌋ = 5 and drops the last column");
        OutputShape.MaxPool(12, 3).Should().Be(4, "windows of 3 with stride 3 tile 12 four times");
    }
}
