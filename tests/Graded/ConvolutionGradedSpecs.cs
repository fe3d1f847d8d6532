namespace ConvSpec.Tests.Graded;

public class ConvolutionGradedSpecs(ExerciseCodeFixture submission, ExerciseSummary summary) : GradedSpecs(summary)
{
    [Fact]
    [Graded("convolution", 2)]
    [Specifies("Eq. 1")]
    public void Y_at_a_position_sums_the_window_times_the_kernel()
    {
        double[,] image = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } };
        double[,] kernel = { { 1, 0 }, { 0, -1 } };

        double y01 = submission.Code.ComputeConvolutionAtPosition(0, 1, image, kernel);

        y01.Should().Be(2 * 1 + 6 * -1, "y_01 = x_01·k_00 + x_12·k_11 with 0-based indices and no kernel flip");
    }

    [Fact]
    [Graded("convolution", 2)]
    [Specifies("Eq. 1")]
    public void Apply_convolution_matches_the_definition_at_every_position()
    {
        double[,] image = SpecInputs.Random(6, 7, seed: 11);
        double[,] kernel = SpecInputs.Random(3, 2, seed: 12);

        double[,] y = submission.Code.ApplyConvolution(image, kernel);

        y.Should().BeEquivalentTo(TorchOps.Conv2d(image, kernel), Agreement.Within(1e-12),
            "every y_ij is Σ_k Σ_l x_{i+k, j+l} · k_kl, which is what TorchSharp's conv2d computes");
    }

    [Fact]
    [Graded("convolution", 1)]
    [Specifies("Eq. 1")]
    public void Output_has_the_valid_size()
    {
        double[,] y = submission.Code.ApplyConvolution(new double[8, 5], new double[3, 2]);

        new[] { y.GetLength(0), y.GetLength(1) }.Should().Equal([8 - 3 + 1, 5 - 2 + 1], "Y is r(X)−r(K)+1 × c(X)−c(K)+1");
    }
}
