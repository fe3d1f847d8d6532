namespace ConvSpec.Tests.Graded;

public class GradientGradedSpecs(ExerciseCodeFixture submission, ExerciseSummary summary) : GradedSpecs(summary)
{
    [Fact]
    [Graded("gradients", 2)]
    [Specifies("Eq. 3")]
    public void Kernel_gradient_is_the_correlation_of_the_image_with_dL_dY()
    {
        double[,] image = SpecInputs.Random(6, 5, seed: 31);
        double[,] dLossDy = SpecInputs.Random(4, 3, seed: 32);

        double[,] dLossDk = submission.Code.ConvGradientWrtKernel(dLossDy, image);

        dLossDk.Should().BeEquivalentTo(TorchOps.Conv2d(image, dLossDy), Agreement.Within(1e-12),
            "∂L/∂k_kl = Σ_i Σ_j ∂L/∂y_ij · x_{i+k, j+l}, the valid correlation of X with ∂L/∂Y (TorchSharp's conv2d)");
    }

    [Fact]
    [Graded("gradients", 3)]
    [Specifies("Eq. 5")]
    public void Input_gradient_is_the_adjoint_of_the_convolution()
    {
        double[,] image = SpecInputs.Random(6, 7, seed: 41);
        double[,] kernel = SpecInputs.Random(3, 2, seed: 42);
        double[,] dLossDy = SpecInputs.Random(4, 6, seed: 43);

        double[,] dLossDx = submission.Code.ConvGradientWrtInput(dLossDy, kernel);

        new[] { dLossDx.GetLength(0), dLossDx.GetLength(1) }.Should().Equal([6, 7], "∂L/∂X has the shape of X: r(Y)+r(K)−1 × c(Y)+c(K)−1");
        Agreement.Inner(image, dLossDx).Should().BeApproximately(
            Agreement.Inner(TorchOps.Conv2d(image, kernel), dLossDy), 1e-10,
            "for L = Σ g_ij·y_ij the chain rule gives ⟨X, ∂L/∂X⟩ = ⟨K ∗ X, ∂L/∂Y⟩ for every X");
    }
}
