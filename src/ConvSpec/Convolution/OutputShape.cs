namespace ConvSpec.Convolution;

/// <summary>Output lengths along one axis: docs/derivations.md, equations 1 and 8–9.</summary>
public static class OutputShape
{
    /// <summary>Valid convolution without stride or padding: n − m + 1.</summary>
    public static int Valid(int inputLength, int kernelLength) => Conv(inputLength, kernelLength);

    /// <summary>⌊(n + 2p − d(m − 1) − 1) / s⌋ + 1, PyTorch's Conv2d rule.</summary>
    public static int Conv(int inputLength, int kernelLength, int padding = 0, int stride = 1, int dilation = 1)
    {
        if (inputLength < 1) throw new ArgumentOutOfRangeException(nameof(inputLength), $"input length {inputLength} must be at least 1.");
        if (kernelLength < 1) throw new ArgumentOutOfRangeException(nameof(kernelLength), $"kernel length {kernelLength} must be at least 1.");
        if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), $"padding {padding} must not be negative.");
        if (stride < 1) throw new ArgumentOutOfRangeException(nameof(stride), $"stride {stride} must be at least 1.");
        if (dilation < 1) throw new ArgumentOutOfRangeException(nameof(dilation), $"dilation {dilation} must be at least 1.");

        int span = dilation * (kernelLength - 1) + 1;
        int padded = inputLength + 2 * padding;
        if (span > padded)
            throw new ArgumentException(
                $"a kernel spanning {span} (length {kernelLength}, dilation {dilation}) does not fit an input of {inputLength} padded by {padding} on each side.",
                nameof(kernelLength));
        return (padded - span) / stride + 1;
    }

    /// <summary>Max pooling follows the same rule; its stride defaults to the window, as in PyTorch's MaxPool2d.</summary>
    public static int MaxPool(int inputLength, int window, int? stride = null, int padding = 0, int dilation = 1)
    {
        if (padding * 2 > window)
            throw new ArgumentOutOfRangeException(nameof(padding), $"padding {padding} must be at most half the window {window}.");
        return Conv(inputLength, window, padding, stride ?? window, dilation);
    }
}
