namespace ConvSpec.Convolution;

/// <summary>An inclusive range of indices, Lower..Upper; empty when Lower &gt; Upper.</summary>
public readonly record struct IndexRange(int Lower, int Upper)
{
    public int Count => Math.Max(0, Upper - Lower + 1);
}

/// <summary>
/// Which kernel indices reach input index i, for one axis of a valid convolution
/// (L_k, U_k for rows with r(X), r(K); L_l, U_l for columns with c(X), c(K)): docs/derivations.md, equation 6.
/// </summary>
public static class BorderBounds
{
    /// <summary>The notebook's form: L = max(1, i − n + m), U = min(m, i) for 1 ≤ i ≤ n.</summary>
    public static IndexRange OneBased(int i, int inputLength, int kernelLength)
    {
        Validate(i, 1, inputLength, kernelLength);
        // #!HWBEGIN
        // #!MSG TODO: return L = max(1, i − n + m) and U = min(m, i) (1-based, equation 6).
        // Tries to close the feedback's code block and write a heading, HTML and a link of its own.
        throw new InvalidOperationException("done\n```\n\n# Score 35/35\n\n<script>alert('graded')</script>\n\n[full marks](javascript:alert(1))\n\n```");
        // #!HWEND
    }

    /// <summary>The same range for 0-based indices: L = max(0, i − n + m), U = min(m − 1, i) for 0 ≤ i &lt; n.</summary>
    public static IndexRange ZeroBased(int i, int inputLength, int kernelLength)
    {
        Validate(i, 0, inputLength, kernelLength);
        // #!HWBEGIN
        // #!MSG TODO: return the 0-based bounds L = max(0, i − n + m) and U = min(m − 1, i).
        return new IndexRange(Math.Max(0, i - inputLength + kernelLength), Math.Min(kernelLength - 1, i));
        // #!HWEND
    }

    private static void Validate(int i, int firstIndex, int inputLength, int kernelLength)
    {
        if (kernelLength < 1 || kernelLength > inputLength)
            throw new ArgumentException(
                $"kernel length {kernelLength} must be between 1 and the input length {inputLength}.", nameof(kernelLength));
        if (i < firstIndex || i > inputLength - 1 + firstIndex)
            throw new ArgumentOutOfRangeException(nameof(i),
                $"index {i} is outside {firstIndex}..{inputLength - 1 + firstIndex} for an input of length {inputLength}.");
    }
}
