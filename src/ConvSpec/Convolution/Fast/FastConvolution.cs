using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ConvSpec.Convolution.Fast;

/// <summary>
/// An optimisation, not part of the exercise: the same valid convolution as
/// <see cref="Convolution2D.ApplyConvolution{T}"/>, computed several neighbouring outputs at a time in SIMD
/// registers. The lab report and the benchmarks use it for large images; the specs hold it equal to the plain loop.
/// </summary>
public static class FastConvolution
{
    /// <summary>Y = K ∗ X, of size r(X)−r(K)+1 × c(X)−c(K)+1 (docs/derivations.md, equation 1).</summary>
    /// <remarks>
    /// A register holds y_{i, j..j+w−1}; each kernel element adds its window of X to it, and the register is
    /// stored once. A row narrower than a register is summed one output at a time.
    /// </remarks>
    public static T[,] ApplyConvolution<T>(T[,] image, T[,] kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (outputRows, outputCols) = Shapes.ValidOutput(image, kernel);

        var output = new T[outputRows, outputCols];
        int width = Vector.IsHardwareAccelerated && Vector<T>.IsSupported ? Vector<T>.Count : int.MaxValue;
        if (outputCols < width)
        {
            for (int i = 0; i < outputRows; i++)
            {
                for (int j = 0; j < outputCols; j++)
                    output[i, j] = OneOutput(image, kernel, i, j);
            }
            return output;
        }

        Vector<T>[] taps = BroadcastEach(kernel);
        ReadOnlySpan<T> x = MemoryMarshal.CreateReadOnlySpan(ref image[0, 0], image.Length);
        Span<T> y = MemoryMarshal.CreateSpan(ref output[0, 0], output.Length);
        for (int i = 0; i < outputRows; i++)
        {
            Span<T> row = y.Slice(i * outputCols, outputCols);
            for (int j = 0; j + width <= outputCols; j += width)
                NeighbouringOutputs(x, image.GetLength(1), kernel, taps, i, j).CopyTo(row.Slice(j));
            // The row's last register overlaps the one before it; the overlap is computed twice, identically.
            if (outputCols % width != 0)
                NeighbouringOutputs(x, image.GetLength(1), kernel, taps, i, outputCols - width).CopyTo(row.Slice(outputCols - width));
        }
        return output;
    }

    private static T OneOutput<T>(T[,] image, T[,] kernel, int i, int j) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int k = 0; k < kernel.GetLength(0); k++)
        {
            for (int l = 0; l < kernel.GetLength(1); l++)
                sum += image[i + k, j + l] * kernel[k, l];
        }
        return sum;
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
            for (int l = 0; l < kernel.GetLength(1); l++)
                taps[k * kernel.GetLength(1) + l] = new Vector<T>(kernel[k, l]);
        }
        return taps;
    }
}
