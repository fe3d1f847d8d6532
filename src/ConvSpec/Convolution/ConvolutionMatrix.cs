using System.Numerics;

namespace ConvSpec.Convolution;

/// <summary>Convolution as a matrix product (docs/derivations.md, equation 10).</summary>
public static class ConvolutionMatrixBuilder
{
    /// <summary>
    /// The matrix C with vec(Y) = C · vec(X) for an input of <paramref name="rows"/>×<paramref name="cols"/>,
    /// vec in row-major (C) order. It has r(Y)·c(Y) rows and rows·cols columns.
    /// </summary>
    public static T[,] ConvolutionMatrix<T>(T[,] kernel, int rows, int cols)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireNonEmpty(kernel, nameof(kernel));
        int kernelRows = kernel.GetLength(0), kernelCols = kernel.GetLength(1);
        if (rows < kernelRows || cols < kernelCols)
            throw new ArgumentException($"kernel {Shapes.Of(kernel)} is larger than the input {rows}×{cols}.", nameof(kernel));

        int outputRows = OutputShape.Valid(rows, kernelRows), outputCols = OutputShape.Valid(cols, kernelCols);
        var c = new T[outputRows * outputCols, rows * cols];
        for (int i = 0; i < outputRows; i++)
        {
            for (int j = 0; j < outputCols; j++)
            {
                for (int k = 0; k < kernelRows; k++)
                {
                    for (int l = 0; l < kernelCols; l++)
                        c[i * outputCols + j, (i + k) * cols + (j + l)] = kernel[k, l];
                }
            }
        }
        return c;
    }
}
