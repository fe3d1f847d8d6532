using System.Globalization;
using System.Text;

namespace ConvSpec.Grading.Grade.Reports;

/// <summary>
/// A spec's method name as a sentence a student reads: `Kernel_gradient_is_the_correlation_of_the_image_with_dL_dY`
/// becomes "kernel gradient is the correlation of the image with dL/dY". Method names cannot spell subscripts,
/// fractions, apostrophes or the case of a few names, so those are put back here.
/// </summary>
public static class SpecTitles
{
    /// <summary>Words a C# method name cannot write as they are read.</summary>
    private static readonly Dictionary<string, string> Spelled = new(StringComparer.Ordinal)
    {
        ["cnn"] = "CNN",
        ["relu"] = "ReLU",
        ["notebooks"] = "notebook's",
        ["sgd"] = "SGD",
    };

    public static string Sentence(string methodName)
    {
        ArgumentNullException.ThrowIfNull(methodName);
        string name = methodName[(methodName.LastIndexOf('.') + 1)..];
        string[] tokens = name.Split('_', StringSplitOptions.RemoveEmptyEntries);
        var words = new List<string>();
        for (int n = 0; n < tokens.Length; n++)
        {
            string token = tokens[n];
            string? next = n + 1 < tokens.Length ? tokens[n + 1] : null;
            if (next is not null && IsDerivative(token) && IsDerivative(next))
            {
                words.Add(token + "/" + next);
                n++;
            }
            else if (next is not null && token.Length == 1 && char.IsUpper(token[0]) && next.Length == 1 && char.IsLower(next[0]))
            {
                // G_x, G_y: a letter with its subscript, as the document writes it.
                words.Add(token + "_" + next);
                n++;
            }
            else if (Spelled.TryGetValue(token.ToLowerInvariant(), out string? spelled))
            {
                words.Add(spelled);
            }
            else if (token.Length > 4 && token.All(char.IsAsciiDigit))
            {
                words.Add(long.Parse(token, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture));
            }
            else
            {
                // The article "A" is a word; a lone capital otherwise is a symbol (Y, X) and keeps its case.
                words.Add(n == 0 && (IsPlainWord(token) || token == "A") ? char.ToLowerInvariant(token[0]) + token[1..] : token);
            }
        }
        if (words.Count > 1 && words[0] is "zero" or "one" && words[1] == "based")
        {
            words[0] += "-based";
            words.RemoveAt(1);
        }
        return new StringBuilder().AppendJoin(' ', words).ToString();
    }

    /// <summary>dL, dY: a differential, written as the numerator or the denominator of a derivative.</summary>
    private static bool IsDerivative(string token) => token.Length >= 2 && token[0] == 'd' && char.IsUpper(token[1]);

    /// <summary>A capitalised ordinary word (Output, Kernel), not a symbol (Y, G) or an acronym.</summary>
    private static bool IsPlainWord(string token) => token.Length > 1 && char.IsUpper(token[0]) && token[1..].All(char.IsLower);
}
