using ConvSpec.Convolution;
using static ConvSpec.Tests.Unit.Convolution.Matrices;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>
/// The notebook's 1-D picture: c(X) = 6, c(K) = 3, c(Y) = 4. Kernel and output-gradient values are
/// distinct primes, so every sum of two or three products identifies which products it holds.
/// </summary>
public class OneDimensionalExampleSpecs
{
    private const double K1 = 2, K2 = 3, K3 = 5;
    private const double Y1 = 7, Y2 = 11, Y3 = 13, Y4 = 17;

    private static readonly double[,] Kernel = Row(K1, K2, K3);
    private static readonly double[,] OutputGradient = Row(Y1, Y2, Y3, Y4);

    private static double[] InputGradient() =>
        Vec(ConvGradients.ConvGradientWrtInput(OutputGradient, Kernel));

    [Theory]
    [Specifies("Eq. 6")]
    [InlineData(1, K1 * Y1)]
    [InlineData(2, K1 * Y2 + K2 * Y1)]
    [InlineData(3, K1 * Y3 + K2 * Y2 + K3 * Y1)]
    [InlineData(4, K1 * Y4 + K2 * Y3 + K3 * Y2)]
    [InlineData(5, K2 * Y4 + K3 * Y3)]
    [InlineData(6, K3 * Y4)]
    public void Each_input_gradient_sums_kernel_times_output_gradient_with_indices_adding_to_i_plus_1(int i, double expected) =>
        InputGradient()[i - 1].Should().Be(expected, $"∂L/∂x{i} = Σ k_k·y′_(i−k+1) over the k that reach x{i}");

    [Fact]
    [Specifies("Erratum E1")]
    public void The_second_input_gradient_is_k1_y2_plus_k2_y1_not_the_notebooks_k2_y1_plus_k1_y3()
    {
        double notebook = K2 * Y1 + K1 * Y3;
        double correct = K1 * Y2 + K2 * Y1;

        InputGradient()[1].Should().Be(correct, "x₂ feeds y₁ through k₂ and y₂ through k₁ (y_i = Σ_k x_(i+k−1)·k_k)")
            .And.NotBe(notebook, "y₃ = k₁x₃ + k₂x₄ + k₃x₅ does not involve x₂ at all");
    }

    [Fact]
    [Specifies("Eq. 5")]
    [Specifies("Erratum E2")]
    public void The_kernel_gradient_sums_over_the_four_outputs_not_six()
    {
        double[] x = [2, 3, 5, 7, 11, 13];
        double[] dk = Vec(ConvGradients.ConvGradientWrtKernel(OutputGradient, Row(x)));

        for (int k = 1; k <= 3; k++)
        {
            double overOutputs = Enumerable.Range(1, 4).Sum(j => new[] { Y1, Y2, Y3, Y4 }[j - 1] * x[k + j - 2]);
            dk[k - 1].Should().Be(overOutputs, $"∂L/∂k{k} = Σ_(j=1..c(Y)=4) y′_j·x_(j+{k}−1)");
        }
        (3 + 6 - 1).Should().BeGreaterThan(x.Length, "a sum to 6 would need x₈, which a 6-element input does not have");
    }

    [Fact]
    [Specifies("Eq. 7")]
    public void Every_output_gradient_is_used_by_exactly_c_K_inputs()
    {
        // Setting one y′_j to 1 shows which inputs it reaches: the window x_j..x_(j+2), weighted k₁..k₃.
        for (int j = 0; j < 4; j++)
        {
            var unit = new double[1, 4];
            unit[0, j] = 1;
            double[] dx = Vec(ConvGradients.ConvGradientWrtInput(unit, Kernel));

            double[] expected = new double[6];
            (expected[j], expected[j + 1], expected[j + 2]) = (K1, K2, K3);
            dx.Should().Equal(expected, $"y{j + 1} reads x{j + 1}..x{j + 3}");
        }
    }
}
