using ConvSpec.Convolution;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>
/// Every argument check of the convolution code, each with the parameter it names: ParamName is the caller's own
/// argument, and the message says what was wrong in the words of the document (r(K), "dLoss/dY", the index range).
/// </summary>
public class ArgumentCheckSpecs
{
    private static readonly double[,] Image = new double[4, 5], Kernel = new double[3, 3];

    private static ArgumentException Rejected<TException>(Action act, string parameter) where TException : ArgumentException
    {
        TException e = act.Should().Throw<TException>().Which;
        e.ParamName.Should().Be(parameter, "the exception should name the argument that was wrong");
        return e;
    }

    [Fact]
    [Specifies("Rule: every argument check names its argument")]
    public void Null_arrays_are_rejected_by_their_parameter_names()
    {
        Rejected<ArgumentNullException>(() => Convolution2D.ApplyConvolution(null!, Kernel), "image");
        Rejected<ArgumentNullException>(() => Convolution2D.ApplyConvolution(Image, null!), "kernel");
        Rejected<ArgumentNullException>(() => Convolution2D.ComputeConvolutionAtPosition(0, 0, null!, Kernel), "image");
        Rejected<ArgumentNullException>(() => Convolution2D.ComputeConvolutionAtPosition(0, 0, Image, null!), "kernel");
        Rejected<ArgumentNullException>(() => ConvGradients.ConvGradientWrtKernel(null!, Image), "dLossDy");
        Rejected<ArgumentNullException>(() => ConvGradients.ConvGradientWrtKernel(new double[2, 3], null!), "image");
        Rejected<ArgumentNullException>(() => ConvGradients.ConvGradientWrtInput(null!, Kernel), "dLossDy");
        Rejected<ArgumentNullException>(() => ConvGradients.ConvGradientWrtInput(new double[2, 3], null!), "kernel");
        Rejected<ArgumentNullException>(() => GradientAscent.MaximizeSumOfSquares(null!, Kernel, 0.01, 1), "start");
        Rejected<ArgumentNullException>(() => GradientAscent.MaximizeSumOfSquares(Image, null!, 0.01, 1), "kernel");
        Rejected<ArgumentNullException>(() => KernelLearning.LearnKernel(null!, new double[2, 3], Kernel, 0.01, 1), "input");
        Rejected<ArgumentNullException>(() => KernelLearning.LearnKernel(Image, null!, Kernel, 0.01, 1), "output");
        Rejected<ArgumentNullException>(() => KernelLearning.LearnKernel(Image, new double[2, 3], null!, 0.01, 1), "initialKernel");
        Rejected<ArgumentNullException>(() => Sobel.Magnitude(null!, Image), "a");
        Rejected<ArgumentNullException>(() => Sobel.Magnitude(Image, null!), "b");
    }

    [Fact]
    [Specifies("Rule: every argument check names its argument")]
    public void Messages_describe_each_array_in_the_documents_words()
    {
        Rejected<ArgumentException>(() => ConvGradients.ConvGradientWrtKernel(new double[5, 5], new double[4, 6]), "dLossDy")
            .Message.Should().Contain("dLoss/dY 5×5 is larger than image 4×6");
        Rejected<ArgumentException>(() => ConvGradients.ConvGradientWrtKernel(new double[0, 2], new double[4, 6]), "dLossDy")
            .Message.Should().Contain("dLoss/dY is empty (0×2)");
        Rejected<ArgumentException>(() => ConvGradients.ConvGradientWrtInput(new double[2, 0], Kernel), "dLossDy")
            .Message.Should().Contain("dLoss/dY is empty (2×0)");
        Rejected<ArgumentException>(() => ConvGradients.ConvGradientWrtInput(new double[2, 2], new double[0, 3]), "kernel")
            .Message.Should().Contain("kernel is empty (0×3)");
        Rejected<ArgumentException>(() => GradientAscent.MaximizeSumOfSquares(new double[2, 4], Kernel, 0.01, 1), "kernel")
            .Message.Should().Contain("kernel 3×3 is larger than start image 2×4");
        Rejected<ArgumentException>(() => KernelLearning.LearnKernel(new double[1, 1], new double[1, 1], new double[1, 2], 0.01, 1), "initialKernel")
            .Message.Should().Contain("initial kernel 1×2 is larger than input 1×1");
        Rejected<ArgumentException>(() => KernelLearning.LearnKernel(new double[3, 3], new double[0, 1], new double[1, 2], 0.01, 1), "output")
            .Message.Should().Contain("output is empty (0×1)");
        Rejected<ArgumentException>(() => KernelLearning.LearnKernel(new double[3, 3], new double[3, 3], new double[1, 2], 0.01, 1), "output")
            .Message.Should().Contain("output 3×3 does not match input 3×3 convolved with a 1×2 kernel (3×2)");
        Rejected<ArgumentException>(() => Convolution2D.ApplyConvolution(new double[3, 3], new double[4, 1]), "kernel")
            .Message.Should().Contain("kernel 4×1 is larger than image 3×3");
    }

    [Theory]
    [Specifies("Rule: every argument check names its argument")]
    [InlineData(-1, 0, "i", "row -1 is outside 0..1")]
    [InlineData(2, 0, "i", "row 2 is outside 0..1")]
    [InlineData(0, -1, "j", "column -1 is outside 0..2")]
    [InlineData(1, 3, "j", "column 3 is outside 0..2")]
    public void A_position_outside_the_output_names_the_bad_index_and_its_range(int i, int j, string parameter, string message)
    {
        // Image 4×5 and kernel 3×3 give a 2×3 output: rows 0..1, columns 0..2.
        Rejected<ArgumentOutOfRangeException>(() => Convolution2D.ComputeConvolutionAtPosition(i, j, Image, Kernel), parameter)
            .Message.Should().Contain(message).And.Contain("4×5").And.Contain("3×3");
    }

    [Fact]
    [Specifies("Rule: every argument check names its argument")]
    public void The_last_row_and_column_of_the_output_are_positions_too()
    {
        var image = new double[4, 5];
        image[3, 4] = 2;
        Convolution2D.ComputeConvolutionAtPosition(1, 2, image, new double[,] { { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 3 } })
            .Should().Be(6, "y[1, 2] is the last output of a 4×5 image and a 3×3 kernel, and reads x[3, 4]·k[2, 2]");
    }

    [Fact]
    [Specifies("Rule: every argument check names its argument")]
    public void A_negative_step_count_is_rejected_and_zero_steps_change_nothing()
    {
        Rejected<ArgumentOutOfRangeException>(() => GradientAscent.MaximizeSumOfSquares(Image, Kernel, 0.01, -1), "steps");
        Rejected<ArgumentOutOfRangeException>(() => KernelLearning.LearnKernel(Image, new double[2, 3], Kernel, 0.01, -1), "steps");

        double[,] start = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 10 } };
        var ascent = GradientAscent.MaximizeSumOfSquares(start, NotebookKernels.SobelX, 0.01, 0);
        ascent.Losses.Should().BeEmpty("no step was taken, so no loss was recorded");
        ascent.Image.Should().BeEquivalentTo(start, "zero steps leave the start where it was");
        var fit = KernelLearning.LearnKernel(start, new double[3, 2], new double[,] { { 1, -1 } }, 0.01, 0);
        fit.Losses.Should().BeEmpty();
        fit.Kernel.Should().BeEquivalentTo(new double[,] { { 1, -1 } });
    }

    [Theory]
    [Specifies("Rule: every argument check names its argument")]
    [InlineData(0, 6, 3, "i", "index 0 is outside 1..6")]
    [InlineData(7, 6, 3, "i", "index 7 is outside 1..6")]
    [InlineData(1, 6, 0, "kernelLength", "kernel length 0 must be between 1 and the input length 6")]
    [InlineData(1, 6, 7, "kernelLength", "kernel length 7 must be between 1 and the input length 6")]
    public void One_based_bounds_reject_an_index_or_kernel_outside_the_input(int i, int n, int m, string parameter, string message)
    {
        Rejected<ArgumentException>(() => BorderBounds.OneBased(i, n, m), parameter).Message.Should().Contain(message);
    }

    [Theory]
    [Specifies("Rule: every argument check names its argument")]
    [InlineData(-1, 6, 3, "i", "index -1 is outside 0..5")]
    [InlineData(6, 6, 3, "i", "index 6 is outside 0..5")]
    [InlineData(0, 6, 0, "kernelLength", "kernel length 0 must be between 1 and the input length 6")]
    public void Zero_based_bounds_reject_an_index_or_kernel_outside_the_input(int i, int n, int m, string parameter, string message)
    {
        Rejected<ArgumentException>(() => BorderBounds.ZeroBased(i, n, m), parameter).Message.Should().Contain(message);
    }

    [Fact]
    [Specifies("Rule: every argument check names its argument")]
    public void Bounds_accept_the_first_and_last_index_of_either_convention()
    {
        BorderBounds.OneBased(1, 6, 3).Should().Be(new IndexRange(1, 1));
        BorderBounds.OneBased(6, 6, 3).Should().Be(new IndexRange(3, 3));
        BorderBounds.ZeroBased(0, 6, 3).Should().Be(new IndexRange(0, 0));
        BorderBounds.ZeroBased(5, 6, 3).Should().Be(new IndexRange(2, 2));
        BorderBounds.OneBased(1, 1, 1).Should().Be(new IndexRange(1, 1), "a 1-long kernel on a 1-long input has one summand");
    }

    [Theory]
    [Specifies("Rule: every argument check names its argument")]
    [InlineData(0, 1, 0, 1, 1, "inputLength", "input length 0 must be at least 1")]
    [InlineData(5, 0, 0, 1, 1, "kernelLength", "kernel length 0 must be at least 1")]
    [InlineData(5, 3, -1, 1, 1, "padding", "padding -1 must not be negative")]
    [InlineData(5, 3, 0, 0, 1, "stride", "stride 0 must be at least 1")]
    [InlineData(5, 3, 0, 1, 0, "dilation", "dilation 0 must be at least 1")]
    [InlineData(5, 3, 0, 1, 3, "kernelLength", "a kernel spanning 7 (length 3, dilation 3) does not fit an input of 5 padded by 0")]
    public void Output_length_rejects_each_impossible_argument_by_name(int n, int m, int p, int s, int d, string parameter, string message)
    {
        Rejected<ArgumentException>(() => OutputShape.Conv(n, m, p, s, d), parameter).Message.Should().Contain(message);
    }

    [Fact]
    [Specifies("Rule: every argument check names its argument")]
    public void Output_length_accepts_the_smallest_legal_arguments()
    {
        OutputShape.Conv(1, 1).Should().Be(1, "one input, one tap");
        OutputShape.Conv(1, 3, padding: 1).Should().Be(1, "padding 1 on each side makes room for a 3-tap kernel");
        OutputShape.Conv(5, 3, stride: 1, dilation: 2).Should().Be(1, "a 3-tap kernel with dilation 2 spans exactly 5");
    }

    [Fact]
    [Specifies("Rule: every argument check names its argument")]
    public void Pooling_padding_may_be_half_the_window_and_no_more()
    {
        OutputShape.MaxPool(10, 2, padding: 1).Should().Be(6, "padding 1 is half of a window of 2: (10 + 2 − 2)/2 + 1");
        Rejected<ArgumentOutOfRangeException>(() => OutputShape.MaxPool(10, 2, padding: 2), "padding")
            .Message.Should().Contain("padding 2 must be at most half the window 2");
        Rejected<ArgumentOutOfRangeException>(() => OutputShape.MaxPool(10, 3, padding: 2), "padding");
    }

    [Theory]
    [Specifies("Rule: every argument check names its argument")]
    [InlineData(3, 4, 4, 4)]
    [InlineData(3, 4, 3, 5)]
    [InlineData(3, 4, 2, 4)]
    public void Sobel_responses_that_differ_in_either_dimension_are_rejected(int rowsA, int colsA, int rowsB, int colsB)
    {
        Rejected<ArgumentException>(() => Sobel.Magnitude(new double[rowsA, colsA], new double[rowsB, colsB]), "b")
            .Message.Should().Contain($"{rowsA}×{colsA}").And.Contain($"{rowsB}×{colsB}");
    }
}
