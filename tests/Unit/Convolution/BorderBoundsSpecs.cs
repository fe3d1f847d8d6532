using ConvSpec.Convolution;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>The bounds of the sum for ∂L/∂x_i, in the 1-D example c(X) = 6, c(K) = 3 and beyond.</summary>
public class BorderBoundsSpecs
{
    [Theory]
    [Specifies("Eq. 8")]
    [InlineData(1, 1, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(3, 1, 3)]
    [InlineData(4, 1, 3)]
    [InlineData(5, 2, 3)]
    [InlineData(6, 3, 3)]
    public void One_based_bounds_of_the_1D_example(int i, int lower, int upper) =>
        BorderBounds.OneBased(i, inputLength: 6, kernelLength: 3).Should().Be(new IndexRange(lower, upper),
            $"L = max(1, {i} − 6 + 3) and U = min(3, {i})");

    [Theory]
    [Specifies("Eq. 8")]
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, 1)]
    [InlineData(2, 0, 2)]
    [InlineData(3, 0, 2)]
    [InlineData(4, 1, 2)]
    [InlineData(5, 2, 2)]
    public void Zero_based_bounds_of_the_1D_example(int i, int lower, int upper) =>
        BorderBounds.ZeroBased(i, inputLength: 6, kernelLength: 3).Should().Be(new IndexRange(lower, upper),
            $"L = max(0, {i} − 6 + 3) and U = min(2, {i})");

    [Fact]
    [Specifies("Eq. 8")]
    public void Input_gradient_at_the_left_border_has_one_summand()
    {
        BorderBounds.ZeroBased(0, 6, 3).Count.Should().Be(1, "x₁ feeds only y₁, through k₁");
        BorderBounds.ZeroBased(5, 6, 3).Count.Should().Be(1, "x₆ feeds only y₄, through k₃");
        BorderBounds.ZeroBased(2, 6, 3).Count.Should().Be(3, "an interior x feeds c(K) outputs");
    }

    [Fact]
    [Specifies("Eq. 8")]
    public void Zero_based_bounds_are_the_one_based_ones_shifted_by_one()
    {
        for (int n = 1; n <= 12; n++)
        {
            for (int m = 1; m <= n; m++)
            {
                for (int i = 0; i < n; i++)
                {
                    IndexRange oneBased = BorderBounds.OneBased(i + 1, n, m);
                    BorderBounds.ZeroBased(i, n, m).Should().Be(new IndexRange(oneBased.Lower - 1, oneBased.Upper - 1), $"n={n}, m={m}, i={i}");
                }
            }
        }
    }

    [Fact]
    [Specifies("Eq. 8")]
    public void Bounds_match_brute_force_over_random_2D_sizes()
    {
        var random = new Random(8);
        for (int trial = 0; trial < 200; trial++)
        {
            int rows = random.Next(1, 15), cols = random.Next(1, 15);
            int kernelRows = random.Next(1, rows + 1), kernelCols = random.Next(1, cols + 1);
            int i = random.Next(rows), j = random.Next(cols);

            // k reaches x_i exactly when y_{i−k} exists: 0 ≤ i − k ≤ r(X) − r(K).
            int[] reachingRows = Enumerable.Range(0, kernelRows).Where(k => i - k >= 0 && i - k <= rows - kernelRows).ToArray();
            int[] reachingCols = Enumerable.Range(0, kernelCols).Where(l => j - l >= 0 && j - l <= cols - kernelCols).ToArray();

            IndexRange k = BorderBounds.ZeroBased(i, rows, kernelRows), l = BorderBounds.ZeroBased(j, cols, kernelCols);
            Enumerable.Range(k.Lower, k.Count).Should().Equal(reachingRows, $"rows: r(X)={rows}, r(K)={kernelRows}, i={i}");
            Enumerable.Range(l.Lower, l.Count).Should().Equal(reachingCols, $"cols: c(X)={cols}, c(K)={kernelCols}, j={j}");
        }
    }

    [Fact]
    [Specifies("Rule: bad input names what was wrong")]
    public void An_index_outside_the_input_or_a_kernel_longer_than_it_is_rejected()
    {
        FluentActions.Invoking(() => BorderBounds.OneBased(0, 6, 3)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*index 0 is outside 1..6*");
        FluentActions.Invoking(() => BorderBounds.ZeroBased(6, 6, 3)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*index 6 is outside 0..5*");
        FluentActions.Invoking(() => BorderBounds.ZeroBased(0, 2, 3)).Should().Throw<ArgumentException>().WithMessage("*kernel length 3*input length 2*");
    }
}
