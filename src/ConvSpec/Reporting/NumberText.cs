using System.Globalization;

namespace ConvSpec.Reporting;

/// <summary>
/// The report's one way of writing numbers: plain decimals in the usual range, and m.mm × 10ⁿ outside it
/// (never 1.289E+63 or 2.3e-07), with a true minus sign.
/// </summary>
public static class NumberText
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>Four significant digits; scientific when |v| ≥ 10⁵ or 0 &lt; |v| &lt; 10⁻³.</summary>
    public static string Of(double value, int significant = 4)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "∞" : "−∞";
        if (value == 0) return "0";
        double magnitude = Math.Abs(value);
        if (magnitude >= 1e5 || magnitude < 1e-3) return Scientific(value, Math.Min(significant, 3));
        int decimals = Math.Max(0, significant - 1 - (int)Math.Floor(Math.Log10(magnitude)));
        return Minus(Math.Round(value, decimals).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture));
    }

    /// <summary>Exactly <paramref name="decimals"/> decimals, as accuracies and losses are compared: 0.9722.</summary>
    public static string Fixed(double value, int decimals) => Minus(value.ToString("F" + decimals, CultureInfo.InvariantCulture));

    /// <summary>m.mm × 10ⁿ with <paramref name="significant"/> significant digits.</summary>
    public static string Scientific(double value, int significant = 2)
    {
        if (value == 0) return "0";
        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        double mantissa = value / Math.Pow(10, exponent);
        if (Math.Abs(Math.Round(mantissa, significant - 1)) >= 10)
        {
            exponent++;
            mantissa /= 10;
        }
        string digits = mantissa.ToString("F" + (significant - 1), CultureInfo.InvariantCulture);
        return Minus(digits) + " × 10" + Superscript(exponent);
    }

    /// <summary>A whole number with thousands separators: 60,000.</summary>
    public static string Count(long value) => Minus(value.ToString("N0", CultureInfo.InvariantCulture));

    private static string Superscript(int exponent) =>
        (exponent < 0 ? "⁻" : "") + string.Concat(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).Select(d => Superscripts[d - '0']));

    private static string Minus(string text) => text.StartsWith('-') ? "−" + text[1..] : text;
}
