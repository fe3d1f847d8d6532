using ConvSpec.Convolution;
using ConvSpec.Lab;

namespace ConvSpec.Tests.Unit.Convolution;

public class NotebookAscentOverflowSpecs
{
    [Fact]
    [Specifies("Erratum E9")]
    public void The_notebooks_float32_ascent_overflows_its_loss_before_the_last_step()
    {
        float[,] sobelX = Matrices.ToFloat(NotebookKernels.SobelX);
        AscentResult<float> single = GradientAscent.MaximizeSumOfSquares(GradientExercise.RandomImage(9, 9, seed: 0), sobelX, 0.01f, 100);
        AscentResult<double> @double = GradientExercise.Ascend(seed: 0);

        // Measured for seed 0: float32's loss is inf from step 61 on; float64's last loss is 1.3e63, the last ratio 4.31.
        int firstInfinite = single.Losses.ToList().FindIndex(float.IsPositiveInfinity);
        firstInfinite.Should().BeInRange(56, 66, "each step multiplies the loss by about (1 + 2·0.01·λ₁)² ≈ 4.3, so 3.4e38 is passed near step 60");
        @double.Losses.Should().OnlyContain(l => double.IsFinite(l), "float64 reaches about 1e63 after 100 steps, far below its 1.8e308");
        (@double.Losses[^1] / @double.Losses[^2]).Should().BeInRange(4.1, 4.32,
            "the loss grows towards (1 + 2ηλ₁)² = 2.077² ≈ 4.31 per step as the image turns to the dominant eigenvector");
        @double.Losses[^1].Should().BeInRange(1e61, 1e65, "about 40 grown 4.2-fold on average over 99 steps");
    }
}
