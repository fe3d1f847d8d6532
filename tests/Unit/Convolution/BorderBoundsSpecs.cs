using ConvSpec.Convolution;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>The 1-D example of the notebook: c(X) = 6, c(K) = 3, so c(Y) = 4.</summary>
public class BorderBoundsSpecs
{
    [Theory]
    [Specifies("Eq. 6")]
    [InlineData(1, 1, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(3, 1, 3)]
    [InlineData(4, 1, 3)]
    [InlineData(5, 2, 3)]
    [InlineData(6, 3, 3)]
    public void One_based_bounds_of_the_1D_example(int i, int lower, int upper)
    {
        // By hand: k reaches x_i when y_{i−k+1} exists, i.e. 1 ≤ i − k + 1 ≤ 4.
        BorderBounds.OneBased(i, 6, 3).Should().Be(new IndexRange(lower, upper),
            "x_{0} is reached by k_{1}..k_{2} (1-based) when c(X) = 6 and c(K) = 3", i, lower, upper);
    }

    [Theory]
    [Specifies("Eq. 6")]
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, 1)]
    [InlineData(2, 0, 2)]
    [InlineData(3, 0, 2)]
    [InlineData(4, 1, 2)]
    [InlineData(5, 2, 2)]
    public void Zero_based_bounds_of_the_1D_example(int i, int lower, int upper)
    {
        // By hand: k reaches x[i] when y[i − k] exists, i.e. 0 ≤ i − k ≤ 3.
        BorderBounds.ZeroBased(i, 6, 3).Should().Be(new IndexRange(lower, upper),
            "x[{0}] is reached by k[{1}]..k[{2}] (0-based) when c(X) = 6 and c(K) = 3", i, lower, upper);
    }

    [Fact]
    [Specifies("Eq. 6")]
    public void Input_gradient_at_the_left_border_has_one_summand()
    {
        BorderBounds.ZeroBased(0, 6, 3).Count.Should().Be(1, "only y[0] sees x[0], through k[0]");
        BorderBounds.OneBased(1, 6, 3).Count.Should().Be(1, "only y_1 sees x_1, through k_1");
    }

    [Fact]
    [Specifies("Eq. 6")]
    public void Input_gradient_at_the_right_border_has_one_summand()
    {
        BorderBounds.ZeroBased(5, 6, 3).Count.Should().Be(1, "only y[3] sees x[5], through k[2]");
        BorderBounds.OneBased(6, 6, 3).Count.Should().Be(1, "only y_4 sees x_6, through k_3");
    }

    [Theory]
    [Specifies("Erratum E6")]
    [InlineData(5)]
    [InlineData(4)]
    [InlineData(2)]
    public void Right_border_range_ends_at_the_kernel_length_not_three(int kernelLength)
    {
        // The last input of n = 8 meets only the last kernel element: the range is m..m, whatever m is.
        BorderBounds.OneBased(8, 8, kernelLength).Should().Be(new IndexRange(kernelLength, kernelLength),
            "at the right border the sum runs from i − c(X) + c(K) to c(K) = {0}, not to 3", kernelLength);
    }

    [Fact]
    [Specifies("Eq. 6")]
    public void Zero_based_bounds_equal_the_brute_force_set_for_random_sizes()
    {
        var random = new Random(6);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = random.Next(1, 20), m = random.Next(1, n + 1), outputs = n - m + 1;
            for (int i = 0; i < n; i++)
            {
                int[] reaching = Enumerable.Range(0, m).Where(k => i - k >= 0 && i - k < outputs).ToArray();
                IndexRange range = BorderBounds.ZeroBased(i, n, m);
                Enumerable.Range(range.Lower, range.Count).Should().Equal(reaching,
                    "for input length {0}, kernel length {1}, index {2} the kernel indices k with 0 ≤ i − k < {3} are [{4}], but the bounds gave {5}..{6}",
                    n, m, i, outputs, string.Join(", ", reaching), range.Lower, range.Upper);
            }
        }
    }

    [Fact]
    [Specifies("Eq. 6")]
    public void One_based_bounds_equal_the_brute_force_set_for_random_sizes()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = random.Next(1, 20), m = random.Next(1, n + 1), outputs = n - m + 1;
            for (int i = 1; i <= n; i++)
            {
                int[] reaching = Enumerable.Range(1, m).Where(k => i - k + 1 >= 1 && i - k + 1 <= outputs).ToArray();
                IndexRange range = BorderBounds.OneBased(i, n, m);
                Enumerable.Range(range.Lower, range.Count).Should().Equal(reaching,
                    "for input length {0}, kernel length {1}, index {2} the kernel indices k with 1 ≤ i − k + 1 ≤ {3} are [{4}], but the bounds gave {5}..{6}",
                    n, m, i, outputs, string.Join(", ", reaching), range.Lower, range.Upper);
            }
        }
    }

    [Fact]
    [Specifies("Eq. 6")]
    public void Two_dimensional_bounds_select_exactly_the_outputs_that_see_each_pixel()
    {
        // In 2-D the rows and columns are independent: the summands of ∂L/∂x_ij are the pairs (k, l)
        // of the row range times the column range. Count them by brute force over the output grid.
        var random = new Random(62);
        for (int trial = 0; trial < 40; trial++)
        {
            int rx = random.Next(1, 9), cx = random.Next(1, 9), rk = random.Next(1, rx + 1), ck = random.Next(1, cx + 1);
            int ry = rx - rk + 1, cy = cx - ck + 1;
            for (int i = 0; i < rx; i++)
            {
                for (int j = 0; j < cx; j++)
                {
                    int bruteForce = 0;
                    for (int a = 0; a < ry; a++)
                    {
                        for (int b = 0; b < cy; b++)
                        {
                            if (i - a >= 0 && i - a < rk && j - b >= 0 && j - b < ck) bruteForce++;
                        }
                    }
                    int fromBounds = BorderBounds.ZeroBased(i, rx, rk).Count * BorderBounds.ZeroBased(j, cx, ck).Count;
                    fromBounds.Should().Be(bruteForce,
                        "pixel ({0}, {1}) of a {2}×{3} image under a {4}×{5} kernel feeds {6} outputs", i, j, rx, cx, rk, ck, bruteForce);
                }
            }
        }
    }
}
