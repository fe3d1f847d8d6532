using ConvSpec.Reporting;

namespace ConvSpec.Tests.Unit.Reporting;

/// <summary>The report writes every number one way: decimals in the usual range, m.mm × 10ⁿ outside it, a true minus sign.</summary>
public sealed class NumberTextSpecs
{
    [Theory]
    [InlineData(1.2890e63, "1.29 × 10⁶³")]
    [InlineData(30.0693, "30.07")]
    [InlineData(0.97221, "0.9722")]
    [InlineData(-0.22957, "−0.2296")]
    [InlineData(1.2e-7, "1.20 × 10⁻⁷")]
    [InlineData(123456.0, "1.23 × 10⁵")]
    [InlineData(0.0, "0")]
    [InlineData(double.PositiveInfinity, "∞")]
    [Specifies("Rule: the lab report's numbers and links")]
    public void Of_writes_decimals_in_range_and_powers_of_ten_outside(double value, string expected) =>
        NumberText.Of(value).Should().Be(expected);

    [Theory]
    [InlineData(1.2e-7, 2, "1.2 × 10⁻⁷")]
    [InlineData(9.96e-3, 2, "1.0 × 10⁻²")]
    [InlineData(-4.5e-8, 2, "−4.5 × 10⁻⁸")]
    [Specifies("Rule: the lab report's numbers and links")]
    public void Scientific_carries_into_the_exponent_when_rounding_reaches_ten(double value, int digits, string expected) =>
        NumberText.Scientific(value, digits).Should().Be(expected);

    [Fact]
    [Specifies("Rule: the lab report's numbers and links")]
    public void No_number_is_written_in_E_notation()
    {
        double[] values = [1.289e63, 3.4e38, 2.2e-16, 6.0e-3, 1e5, 99999, 0.001, 0.000999];
        foreach (double value in values)
            NumberText.Of(value).Should().NotContainAny(["E", "e+", "e-"], $"{value} must read like every other number of the report");
    }
}
