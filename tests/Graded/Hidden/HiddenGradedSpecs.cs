using ConvSpec.Convolution;

namespace ConvSpec.Tests.Graded.Hidden;

/// <summary>Run only when grading: `convspec assign` leaves this folder out of the starter.</summary>
public class HiddenGradedSpecs(ExerciseCodeFixture submission, ExerciseSummary summary) : GradedSpecs(summary)
{
    [Fact]
    [Graded("convolution", 1)]
    [Specifies("Eq. 1")]
    public void A_kernel_as_large_as_the_image_gives_one_inner_product()
    {
        double[,] x = SpecInputs.Random(3, 4, seed: 51);
        double[,] k = SpecInputs.Random(3, 4, seed: 52);

        double[,] single = submission.Code.ApplyConvolution(x, k);

        single.Length.Should().Be(1, "a kernel the size of X fits at one position only");
        single[0, 0].Should().BeApproximately(Agreement.Inner(x, k), 1e-12, "y_00 = Σ x_kl · k_kl");
    }

    [Fact]
    [Graded("bounds", 1)]
    [Specifies("Eq. 6")]
    public void Zero_based_bounds_are_the_one_based_bounds_shifted_down_by_one()
    {
        for (int n = 1; n <= 6; n++)
        {
            for (int m = 1; m <= n; m++)
            {
                for (int i = 0; i < n; i++)
                {
                    IndexRange oneBased = submission.Code.BorderBoundsOneBased(i + 1, n, m);
                    submission.Code.BorderBoundsZeroBased(i, n, m).Should().Be(new IndexRange(oneBased.Lower - 1, oneBased.Upper - 1),
                        $"the two forms describe the same kernel rows (i = {i}, n = {n}, m = {m})");
                }
            }
        }
    }

    [Fact]
    [Graded("sobel", 1)]
    [Specifies("Erratum E3")]
    public void G_x_is_the_kernel_that_finds_vertical_edges()
    {
        submission.Code.SobelGx().Should().BeEquivalentTo(DirectReference.SobelGx,
            "G_x takes right minus left with rows weighted 1, 2, 1, so it responds to vertical edges (the notebook's prose has them the other way round)");
    }

    [Fact]
    [Graded("sobel", 1)]
    [Specifies("Eq. 2")]
    public void A_horizontal_step_is_an_edge_too()
    {
        var steps = new double[6, 4];
        for (int r = 3; r < 6; r++)
        {
            for (int c = 0; c < 4; c++)
                steps[r, c] = 2;
        }

        double[,] e = submission.Code.ApplyCustomSobel(steps);

        e[1, 0].Should().Be(1, "rows 1 and 2 of E straddle the step");
        e[0, 0].Should().Be(0, "row 0 of E sees no change");
    }

    [Fact]
    [Graded("gradients", 1)]
    [Specifies("Eq. 5")]
    public void Input_gradient_at_the_top_left_corner_has_one_summand()
    {
        double[,] k = { { 2, 3 }, { 5, 7 } };
        double[,] g = { { 11, 13 }, { 17, 19 } };

        double[,] dx = submission.Code.ConvGradientWrtInput(g, k);

        dx[0, 0].Should().Be(11 * 2, "only k_00 reaches x_00: ∂L/∂x_00 = ∂L/∂y_00 · k_00");
        dx[2, 2].Should().Be(19 * 7, "only k_11 reaches the bottom-right corner");
    }
}
