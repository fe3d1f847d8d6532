using ConvSpec.Convolution;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>
/// The notebook's 1-D picture, c(X) = 6, c(K) = 3, c(Y) = 4, with distinct primes so that every
/// product in a sum names its two factors: k = (2, 3, 5), y′ = (7, 11, 13, 17), x = (19, 23, 29, 31, 37, 41).
/// Indices in the tables are the notebook's, 1-based.
/// </summary>
public class OneDimensionalExampleSpecs
{
    private static readonly double[] K = [2, 3, 5];
    private static readonly double[] YPrime = [7, 11, 13, 17];
    private static readonly double[] X = [19, 23, 29, 31, 37, 41];

    /// <summary>"k1y1+k2y2" → k_1·y′_1 + k_2·y′_2 with the primes above.</summary>
    private static double Evaluate(string terms) =>
        terms.Split('+').Sum(term =>
        {
            int y = term.IndexOf('y', StringComparison.Ordinal);
            int kIndex = int.Parse(term[1..y], System.Globalization.CultureInfo.InvariantCulture);
            int yIndex = int.Parse(term[(y + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            return K[kIndex - 1] * YPrime[yIndex - 1];
        });

    private static double[,] InputGradient() =>
        ConvGradients.ConvGradientWrtInput(Matrices.Row(YPrime), Matrices.Row(K));

    [Theory]
    [Specifies("Eq. 5")]
    [InlineData(1, "k1y1")]
    [InlineData(2, "k1y2+k2y1")]
    [InlineData(3, "k1y3+k2y2+k3y1")]
    [InlineData(4, "k1y4+k2y3+k3y2")]
    [InlineData(5, "k2y4+k3y3")]
    [InlineData(6, "k3y4")]
    public void Input_gradient_of_the_1D_example_term_by_term(int i, string terms)
    {
        double expected = Evaluate(terms);
        InputGradient()[0, i - 1].Should().Be(expected,
            "∂L/∂x_{0} = {1} = {2} with k = (2, 3, 5) and y′ = (7, 11, 13, 17)", i, terms, expected);
    }

    [Fact]
    [Specifies("Erratum E1")]
    public void Notebook_formula_for_x2_is_not_what_the_gradient_is()
    {
        double notebook = Evaluate("k2y1+k1y3"), right = Evaluate("k1y2+k2y1");
        notebook.Should().NotBe(right, "the primes make the two formulas distinguishable (47 against 43)");
        InputGradient()[0, 1].Should().Be(right,
            "x_2 feeds y_1 through k_2 and y_2 through k_1 (a = i − k + 1), so ∂L/∂x_2 = k_1y′_2 + k_2y′_1, not the notebook's k_2y′_1 + k_1y′_3");
    }

    [Fact]
    [Specifies("Eq. 5")]
    public void Input_gradient_has_the_shape_of_the_input()
    {
        InputGradient().GetLength(1).Should().Be(6, "Y of 4 and K of 3 came from an X of 4 + 3 − 1 = 6");
        // By hand: 2·7; 2·11 + 3·7; 2·13 + 3·11 + 5·7; 2·17 + 3·13 + 5·11; 3·17 + 5·13; 5·17.
        Matrices.Vec(InputGradient()).Should().Equal([14, 43, 94, 128, 116, 85], "each of the six inputs gets the summands of equation 5");
    }

    [Theory]
    [Specifies("Eq. 4")]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Kernel_gradient_of_the_1D_example_sums_over_the_four_outputs(int i)
    {
        // ∂L/∂k_i = Σ_{j=1}^{c(Y)} y′_j · x_{i+j−1}, with c(Y) = 4.
        double expected = Enumerable.Range(1, 4).Sum(j => YPrime[j - 1] * X[i + j - 2]);
        double[,] gradient = ConvGradients.ConvGradientWrtKernel(Matrices.Row(YPrime), Matrices.Row(X));
        gradient[0, i - 1].Should().Be(expected, "∂L/∂k_{0} = Σ_(j=1..4) y′_j·x_(i+j−1) = {1}", i, expected);
        // By hand: 7·19 + 11·23 + 13·29 + 17·31, 7·23 + 11·29 + 13·31 + 17·37, 7·29 + 11·31 + 13·37 + 17·41.
        gradient[0, i - 1].Should().Be(new double[] { 1290, 1512, 1722 }[i - 1], "the four products of ∂L/∂k_{0} add up by hand", i);
    }

    [Fact]
    [Specifies("Erratum E2")]
    public void Kernel_gradient_sum_cannot_run_to_six()
    {
        // The notebook's Σ_(j=1..6) y′_j·x_(i+j−1) needs y′_5, y′_6 and, for k_3, x_7 and x_8: none of them exists.
        Func<double> notebookSum = () => Enumerable.Range(1, 6).Sum(j => YPrime[j - 1] * X[3 + j - 2]);
        notebookSum.Should().Throw<IndexOutOfRangeException>("there are four output gradients and six inputs, so j cannot run to 6");
        ConvGradients.ConvGradientWrtKernel(Matrices.Row(YPrime), Matrices.Row(X))[0, 2].Should().Be(1722,
            "summed over the four outputs, ∂L/∂k_3 = 7·29 + 11·31 + 13·37 + 17·41 = 1722");
        OutputShape.Valid(6, 3).Should().Be(4, "there are only c(Y) = 4 outputs y′_j to sum over");
        ConvGradients.ConvGradientWrtKernel(Matrices.Row(YPrime), Matrices.Row(X)).GetLength(1).Should().Be(3,
            "four output gradients against six inputs give the three kernel gradients");
        // Six output gradients against six inputs would describe a kernel of length 6 − 6 + 1 = 1, not 3:
        // a sum to 6 cannot belong to this example.
        ConvGradients.ConvGradientWrtKernel(Matrices.Row(7.0, 11, 13, 17, 19, 23), Matrices.Row(X)).GetLength(1).Should().Be(1,
            "Σ_(j=1..6) y′_j·x_(i+j−1) fits only i = 1 when there are six inputs");
    }
}
