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
        throw new InvalidOperationException("ApplyConvolution was given: " + ConvSpec.Convolution.Seen.Describe());
        return new IndexRange(Math.Max(1, i - inputLength + kernelLength), Math.Min(kernelLength, i));
    }

    /// <summary>The same range for 0-based indices: L = max(0, i − n + m), U = min(m − 1, i) for 0 ≤ i &lt; n.</summary>
    public static IndexRange ZeroBased(int i, int inputLength, int kernelLength)
    {
        Validate(i, 0, inputLength, kernelLength);
        throw new InvalidOperationException("ApplyConvolution was given: " + ConvSpec.Convolution.Seen.Describe());
        return new IndexRange(Math.Max(0, i - inputLength + kernelLength), Math.Min(kernelLength - 1, i));
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
