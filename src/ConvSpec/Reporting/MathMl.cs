using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace ConvSpec.Reporting;

/// <summary>
/// Builds MathML Core, which current browsers typeset natively: the report fetches no fonts or scripts.
/// Each builder returns markup; text given to it is escaped.
/// </summary>
public static partial class MathMl
{
    public static string Block(params string[] parts) => $"<math display=\"block\">{string.Concat(parts)}</math>";

    public static InlineMath Inline(params string[] parts) => new($"<math>{string.Concat(parts)}</math>");

    /// <summary>An identifier: a variable's name, in italics when it is one letter.</summary>
    public static string I(string name) => $"<mi>{Encode(name)}</mi>";

    /// <summary>An upright identifier, for names such as max or trace.</summary>
    public static string Name(string name) => $"<mi mathvariant=\"normal\">{Encode(name)}</mi>";

    public static string N(double value) => $"<mn>{Encode(value.ToString(CultureInfo.InvariantCulture))}</mn>";

    public static string N(string number) => $"<mn>{Encode(number)}</mn>";

    public static string O(string op) => $"<mo>{Encode(op)}</mo>";

    public static string Text(string words) => $"<mtext>{Encode(words)}</mtext>";

    public static string Row(params string[] parts) => $"<mrow>{string.Concat(parts)}</mrow>";

    public static string Sub(string body, string subscript) => $"<msub>{body}{subscript}</msub>";

    public static string Sup(string body, string superscript) => $"<msup>{body}{superscript}</msup>";

    public static string SubSup(string body, string subscript, string superscript) => $"<msubsup>{body}{subscript}{superscript}</msubsup>";

    public static string UnderOver(string body, string under, string over) => $"<munderover>{body}{under}{over}</munderover>";

    public static string Under(string body, string under) => $"<munder>{body}{under}</munder>";

    public static string Frac(string numerator, string denominator) => $"<mfrac>{numerator}{denominator}</mfrac>";

    public static string Sqrt(params string[] parts) => $"<msqrt>{string.Concat(parts)}</msqrt>";

    public static string Parens(params string[] parts) => Row(O("("), Row(parts), O(")"));

    /// <summary>x with subscript <paramref name="subscript"/>, e.g. Var("x", "ij"), Var("G", "x").</summary>
    public static string Var(string name, string subscript) => Sub(I(name), subscript.Length == 1 ? I(subscript) : Row(subscript.Select(c => I(c.ToString())).ToArray()));

    /// <summary>A matrix in square brackets, its entries written as integers where they are integers.</summary>
    public static string Grid(float[,] entries)
    {
        var rows = new List<string>();
        for (int r = 0; r < entries.GetLength(0); r++)
        {
            var cells = new List<string>();
            for (int c = 0; c < entries.GetLength(1); c++)
            {
                float v = entries[r, c];
                string cell = v < 0 ? Row(O("−"), N(-v)) : N(v);
                cells.Add($"<mtd>{cell}</mtd>");
            }
            rows.Add($"<mtr>{string.Concat(cells)}</mtr>");
        }
        // Drawn brackets: a bracket glyph stretches only with a maths font, which a plain system may lack.
        return $"<mtable class=\"bracketed\">{string.Concat(rows)}</mtable>";
    }

    /// <summary>The characters of some markup without its tags, for alt text and plain output.</summary>
    public static string TextOf(string markup) => WebUtility.HtmlDecode(Tags().Replace(markup, ""));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
