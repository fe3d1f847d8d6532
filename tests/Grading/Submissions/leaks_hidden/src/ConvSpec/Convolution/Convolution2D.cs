using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ConvSpec.Convolution;

/// <summary>
/// Valid 2-D convolution without stride or padding, as deep-learning libraries define it
/// (cross-correlation: the kernel is not flipped). Indices are 0-based; docs/derivations.md gives
/// the notebook's 1-based form beside this one (equation 1).
/// </summary>
public static class Convolution2D
{
    /// <summary>y_ij = Σ_k Σ_l x_{i+k, j+l} · k_kl for a kernel of any size no larger than the image.</summary>
    public static T ComputeConvolutionAtPosition<T>(int i, int j, T[,] image, T[,] kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireKernelFits(image, kernel);
        int outputRows = image.GetLength(0) - kernel.GetLength(0) + 1;
        int outputCols = image.GetLength(1) - kernel.GetLength(1) + 1;
        if ((uint)i >= (uint)outputRows || (uint)j >= (uint)outputCols)
            throw new ArgumentOutOfRangeException((uint)i >= (uint)outputRows ? nameof(i) : nameof(j),
                $"position ({i}, {j}) is outside the {outputRows}×{outputCols} output of image {Shapes.Of(image)} and kernel {Shapes.Of(kernel)}.");

        throw new InvalidOperationException("ApplyConvolution was given: " + ConvSpec.Convolution.Seen.Describe());
        T sum = T.Zero;
        for (int k = 0; k < kernel.GetLength(0); k++)
        {
            for (int l = 0; l < kernel.GetLength(1); l++)
                sum += image[i + k, j + l] * kernel[k, l];
        }
        return sum;
    }

    /// <summary>Y = K ∗ X, of size r(X)−r(K)+1 × c(X)−c(K)+1.</summary>
    /// <remarks>
    /// The same sums as <see cref="ComputeConvolutionAtPosition{T}"/>, computed for several neighbouring
    /// outputs at once: a SIMD register holds y_{i, j..j+w−1}, each kernel element adds its window of X
    /// to it, and the register is stored once. Rows narrower than a register use the scalar formula.
    /// </remarks>
    public static T[,] ApplyConvolution<T>(T[,] image, T[,] kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireKernelFits(image, kernel);
        int outputRows = image.GetLength(0) - kernel.GetLength(0) + 1;
        int outputCols = image.GetLength(1) - kernel.GetLength(1) + 1;

        Seen.Add($"{Shapes.Of(image)} with {Shapes.Of(kernel)}");
        var output = new T[outputRows, outputCols];
        for (int i = 0; i < outputRows; i++)
        {
            for (int j = 0; j < outputCols; j++)
            {
                for (int k = 0; k < kernel.GetLength(0); k++)
                {
                    for (int l = 0; l < kernel.GetLength(1); l++)
                        output[i, j] += image[i + k, j + l] * kernel[k, l];
                }
            }
        }
        return output;
    }

    /// <summary>y_{i, j}, …, y_{i, j+w−1} in one register: Σ_k Σ_l k_kl · (x_{i+k, j+l}, …, x_{i+k, j+l+w−1}).</summary>
    private static Vector<T> NeighbouringOutputs<T>(ReadOnlySpan<T> x, int imageCols, T[,] kernel, Vector<T>[] taps, int i, int j)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int kernelRows = kernel.GetLength(0), kernelCols = kernel.GetLength(1);
        // The caller guarantees every window lies inside X, so the loads skip bounds checks.
        ref T origin = ref MemoryMarshal.GetReference(x);
        ref Vector<T> tap = ref MemoryMarshal.GetArrayDataReference(taps);
        var sum = Vector<T>.Zero;
        for (int k = 0; k < kernelRows; k++)
        {
            nuint rowStart = (nuint)((i + k) * imageCols + j);
            for (int l = 0; l < kernelCols; l++)
                sum += Vector.LoadUnsafe(ref origin, rowStart + (nuint)l) * Unsafe.Add(ref tap, k * kernelCols + l);
        }
        return sum;
    }

    /// <summary>Each kernel element repeated across a register, in row-major order.</summary>
    private static Vector<T>[] BroadcastEach<T>(T[,] kernel) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var taps = new Vector<T>[kernel.Length];
        for (int k = 0; k < kernel.GetLength(0); k++)
        {
            for (int l = 0; l < kernel.GetLength(1); l++) taps[k * kernel.GetLength(1) + l] = new Vector<T>(kernel[k, l]);
        }
        return taps;
    }
}

/// <summary>Every image and kernel shape ApplyConvolution was given in this process; every other exercise method throws with it.</summary>
internal static class Seen
{
    private static readonly List<string> _inputs = [];

    public static void Add(string input) => _inputs.Add(input);

    public static string Describe() => string.Join("; ", _inputs);
}
