using ConvSpec.Convolution;
using ConvSpec.Reference;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>Bad shapes fail early with an ArgumentException that names both shapes, so a student sees what was passed.</summary>
public class BadInputSpecs
{
    private static void ShouldNameBoth(Action act, string first, string second) =>
        act.Should().Throw<ArgumentException>()
            .Which.Message.Should().Contain(first, "the message should name the first shape")
            .And.Contain(second, "the message should name the second shape");

    [Fact]
    [Specifies("Rule: bad shapes throw ArgumentException naming both shapes")]
    public void Kernel_larger_than_the_image_is_rejected()
    {
        ShouldNameBoth(() => Convolution2D.ApplyConvolution(new double[2, 5], new double[3, 3]), "3×3", "2×5");
        ShouldNameBoth(() => Convolution2D.ComputeConvolutionAtPosition(0, 0, new double[4, 2], new double[3, 3]), "3×3", "4×2");
        ShouldNameBoth(() => TorchReference.Conv2d(new double[2, 2], new double[1, 3]), "1×3", "2×2");
    }

    [Fact]
    [Specifies("Rule: bad shapes throw ArgumentException naming both shapes")]
    public void Empty_arrays_are_rejected()
    {
        ShouldNameBoth(() => Convolution2D.ApplyConvolution(new double[0, 4], new double[1, 1]), "0×4", "image");
        ShouldNameBoth(() => Convolution2D.ApplyConvolution(new double[3, 3], new double[2, 0]), "2×0", "kernel");
        ShouldNameBoth(() => ConvGradients.ConvGradientWrtInput(new double[0, 0], new double[2, 2]), "0×0", "dLoss/dY");
        ShouldNameBoth(() => ConvGradients.ConvGradientWrtInput(new double[3, 3], new double[1, 0]), "1×0", "kernel");
        ShouldNameBoth(() => TorchReference.Conv2d(new double[0, 3], new double[0, 1]), "0×3", "image");
    }

    [Fact]
    [Specifies("Rule: bad shapes throw ArgumentException naming both shapes")]
    public void Position_outside_the_output_is_rejected_naming_the_bad_index()
    {
        Action act = () => Convolution2D.ComputeConvolutionAtPosition(1, 3, new double[4, 5], new double[3, 3]);
        ShouldNameBoth(act, "4×5", "3×3");
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("j",
            "row 1 exists in the 2×3 output, column 3 does not");
    }

    [Fact]
    [Specifies("Rule: bad shapes throw ArgumentException naming both shapes")]
    public void Output_gradient_larger_than_the_image_is_rejected()
    {
        ShouldNameBoth(() => ConvGradients.ConvGradientWrtKernel(new double[5, 5], new double[4, 6]), "5×5", "4×6");
    }

    [Fact]
    [Specifies("Rule: bad shapes throw ArgumentException naming both shapes")]
    public void Mismatched_target_in_kernel_learning_is_rejected()
    {
        ShouldNameBoth(() => KernelLearning.LearnKernel(new double[6, 8], new double[6, 6], new double[1, 2], 0.1, 1), "6×6", "6×8");
    }

    [Fact]
    [Specifies("Rule: bad shapes throw ArgumentException naming both shapes")]
    public void Sobel_responses_of_different_shapes_are_rejected()
    {
        ShouldNameBoth(() => Sobel.Magnitude(new double[3, 4], new double[4, 3]), "3×4", "4×3");
    }

    [Fact]
    [Specifies("Rule: bad shapes throw ArgumentException naming both shapes")]
    public void Kernel_longer_than_the_input_has_no_border_bounds()
    {
        ShouldNameBoth(() => BorderBounds.ZeroBased(0, 3, 4), "4", "3");
        ShouldNameBoth(() => OutputShape.Valid(3, 4), "4", "3");
    }

    [Fact]
    [Specifies("Rule: bad shapes throw ArgumentException naming both shapes")]
    public void Starting_image_smaller_than_the_kernel_is_rejected()
    {
        ShouldNameBoth(() => GradientAscent.MaximizeSumOfSquares(new double[2, 2], SobelKernels.Gx<double>(), 0.01, 1), "3×3", "2×2");
    }
}
