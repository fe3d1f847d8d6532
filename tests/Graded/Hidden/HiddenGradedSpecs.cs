using ConvSpec.Convolution;

namespace ConvSpec.Tests.Graded.Hidden;

/// <summary>Run only when grading: `convspec assign` leaves this folder out of the starter.</summary>
public class HiddenGradedSpecs(ExerciseCodeFixture submission)
{
    [Fact]
    [Graded("convolution", 1)]
    [Specifies("Eq. 1")]
    public void A_kernel_as_large_as_the_image_gives_one_inner_product()
    {
        double[,] image = DirectReference.Random(3, 4, seed: 51);
        double[,] kernel = DirectReference.Random(3, 4, seed: 52);

        double[,] y = submission.Code.ApplyConvolution(image, kernel);

        y.Length.Should().Be(1, "a kernel the size of X fits at one position only");
        y[0, 0].Should().BeApproximately(DirectReference.Inner(image, kernel), 1e-12, "y_00 = Σ x_kl · k_kl");
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
    [Specifies("Eq. 2")]
    public void A_horizontal_step_is_an_edge_too()
    {
        var image = new double[6, 4];
        for (int r = 3; r < 6; r++)
        {
            for (int c = 0; c < 4; c++)
                image[r, c] = 2;
        }

        double[,] edges = submission.Code.ApplyCustomSobel(image);

        edges[1, 0].Should().Be(1, "rows 1 and 2 of E straddle the step");
        edges[0, 0].Should().Be(0, "row 0 of E sees no change");
    }

    [Fact]
    [Graded("gradients", 1)]
    [Specifies("Eq. 5")]
    public void Input_gradient_at_the_top_left_corner_has_one_summand()
    {
        double[,] kernel = { { 2, 3 }, { 5, 7 } };
        double[,] dLossDy = { { 11, 13 }, { 17, 19 } };

        double[,] dLossDx = submission.Code.ConvGradientWrtInput(dLossDy, kernel);

        dLossDx[0, 0].Should().Be(11 * 2, "only k_00 reaches x_00: ∂L/∂x_00 = ∂L/∂y_00 · k_00");
        dLossDx[2, 2].Should().Be(19 * 7, "only k_11 reaches the bottom-right corner");
    }

    [Fact]
    [Graded("cnn", 1)]
    [Specifies("Eq. 9")]
    public void Lab_cnn_scores_each_image_of_a_batch_on_its_own()
    {
        var images = NetworkReference.Images(3, seed: 64);
        var first = new ConvSpec.Exercises.TensorData([1, 1, 28, 28], images.Values[..(28 * 28)]);

        float[] batch = submission.Code.RunLabCnn(5, images).Output.Values;
        float[] alone = submission.Code.RunLabCnn(5, first).Output.Values;

        batch.Take(10).Should().Equal(alone, NetworkReference.SameScore,
            "the first image's scores do not depend on the other images of its batch (flatten keeps the batch axis)");
    }
}
