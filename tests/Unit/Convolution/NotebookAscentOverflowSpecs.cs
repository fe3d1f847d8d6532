using ConvSpec.Convolution;
using ConvSpec.Lab;

namespace ConvSpec.Tests.Unit.Convolution;

public class NotebookAscentOverflowSpecs
{
    [Fact]
    [Specifies("Erratum E9")]
    public void The_notebooks_float32_ascent_overflows_its_loss_before_the_last_step()
    {
        AscentResult<float> single = GradientAscent.MaximizeSumOfSquares(GradientExercise.RandomImage(9, 9, seed: 0), SobelKernels.Gx<float>(), 0.01f, 100);
        AscentResult<double> @double = GradientExercise.Ascend(seed: 0);

        int firstInfinite = single.Losses.ToList().FindIndex(float.IsPositiveInfinity);
        firstInfinite.Should().BeInRange(50, 70, "each step multiplies the loss by about (1 + 2·0.01·λ₁)² ≈ 4.3, so 3.4e38 is passed near step 60");
        @double.Losses.Should().OnlyContain(l => double.IsFinite(l), "float64 reaches about 1e73 after 100 steps, far below its 1.8e308");
        @double.Losses[^1].Should().BeGreaterThan(float.MaxValue);
    }
}
