using ConvSpec.Convolution;

namespace ConvSpec.Tests.Graded;

public class SobelGradedSpecs
{
    [Fact]
    [Graded("sobel", 2)]
    [Specifies("Eq. 2")]
    public void Sobel_is_the_normalised_magnitude_of_both_responses()
    {
        double[,] image = DirectReference.Random(7, 9, seed: 21);
        double[,] gx = DirectReference.Correlate(image, SobelKernels.Gx<double>());
        double[,] gy = DirectReference.Correlate(image, SobelKernels.Gy<double>());
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

        double[,] edges = Sobel.ApplyCustomSobel(image);

        edges.Should().BeEquivalentTo(expected,
            options => options.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>(),
            "E = sqrt((G_x ∗ I)² + (G_y ∗ I)²) / max over the valid positions");
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

        double[,] edges = Sobel.ApplyCustomSobel(image);

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

        Sobel.ApplyCustomSobel(image).Should().BeEquivalentTo(new double[2, 2], "a constant image has zero gradient, and E is zeros rather than 0/0");
    }
}
