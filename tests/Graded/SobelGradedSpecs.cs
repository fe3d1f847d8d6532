namespace ConvSpec.Tests.Graded;

public class SobelGradedSpecs(ExerciseCodeFixture submission, ExerciseSummary summary) : GradedSpecs(summary)
{
    [Fact]
    [Graded("sobel", 1)]
    [Specifies("Eq. 2")]
    public void G_y_is_the_transpose_of_G_x()
    {
        double[,] gx = submission.Code.SobelGx();

        gx.Cast<double>().Should().Contain(v => v != 0, "G_x is a derivative kernel, not zeros");
        submission.Code.SobelGy().Should().BeEquivalentTo(Agreement.Transpose(gx),
            "G_y = G_xᵀ: the same derivative taken down the columns instead of along the rows");
    }

    [Fact]
    [Graded("sobel", 2)]
    [Specifies("Eq. 2")]
    public void Sobel_is_the_normalised_magnitude_of_both_responses()
    {
        double[,] image = SpecInputs.Random(7, 9, seed: 21);
        double[,] gx = TorchOps.Conv2d(image, submission.Code.SobelGx());
        double[,] gy = TorchOps.Conv2d(image, submission.Code.SobelGy());
        var expected = new double[5, 7];
        double max = 0;
        for (int r = 0; r < 5; r++)
        {
            for (int c = 0; c < 7; c++)
            {
                expected[r, c] = Math.Sqrt(gx[r, c] * gx[r, c] + gy[r, c] * gy[r, c]);
                max = Math.Max(max, expected[r, c]);
            }
        }
        for (int r = 0; r < 5; r++)
        {
            for (int c = 0; c < 7; c++)
                expected[r, c] /= max;
        }

        double[,] edges = submission.Code.ApplyCustomSobel(image);

        edges.Should().BeEquivalentTo(expected, Agreement.Within(1e-12),
            "E = sqrt((G_x ∗ I)² + (G_y ∗ I)²) / max over the valid positions, with your own G_x and G_y");
    }

    [Fact]
    [Graded("sobel", 2)]
    [Specifies("Eq. 2")]
    public void A_vertical_step_is_an_edge_of_strength_one_on_the_step_only()
    {
        var image = new double[5, 6];
        for (int r = 0; r < 5; r++)
        {
            for (int c = 3; c < 6; c++)
                image[r, c] = 1;
        }

        double[,] edges = submission.Code.ApplyCustomSobel(image);

        for (int r = 0; r < 3; r++)
        {
            edges[r, 0].Should().Be(0, $"column 0 of E sees no change (row {r})");
            edges[r, 1].Should().Be(1, $"column 1 of E straddles the step (row {r})");
            edges[r, 2].Should().Be(1, $"column 2 of E straddles the step (row {r})");
            edges[r, 3].Should().Be(0, $"column 3 of E sees no change (row {r})");
        }
    }

    [Fact]
    [Graded("sobel", 1)]
    [Specifies("Eq. 2")]
    public void A_flat_image_has_no_edges()
    {
        var image = new double[4, 4];
        for (int r = 0; r < 4; r++)
        {
            for (int c = 0; c < 4; c++)
                image[r, c] = 0.5;
        }

        submission.Code.ApplyCustomSobel(image).Should().BeEquivalentTo(new double[2, 2], "a constant image has zero gradient, and E is zeros rather than 0/0");
    }
}
