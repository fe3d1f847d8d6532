using System.Numerics;

namespace ConvSpec.Convolution;

/// <summary>The two Sobel kernels. G_x differentiates along columns, so it responds to vertical edges.</summary>
public static class SobelKernels
{
    /// <summary>G_x: right minus left, rows weighted 1, 2, 1 (docs/derivations.md, equation 2 and erratum E3).</summary>
    public static T[,] Gx<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        throw new InvalidOperationException("ApplyConvolution was given: " + ConvSpec.Convolution.Seen.Describe());
        return FromIntegers<T>(new[,]
        {
            { -1, 0, 1 },
            { -2, 0, 2 },
            { -1, 0, 1 },
        });
    }

    /// <summary>G_y = G_xᵀ differentiates along rows: it responds to horizontal edges.</summary>
    public static T[,] Gy<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        throw new InvalidOperationException("ApplyConvolution was given: " + ConvSpec.Convolution.Seen.Describe());
        return FromIntegers<T>(new[,]
        {
            { -1, -2, -1 },
            { 0, 0, 0 },
            { 1, 2, 1 },
        });
    }

    /// <summary>A kernel written with small integers, as the notebook writes it, in the element type T.</summary>
    public static T[,] FromIntegers<T>(int[,] values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new T[values.GetLength(0), values.GetLength(1)];
        for (int r = 0; r < values.GetLength(0); r++)
        {
            for (int c = 0; c < values.GetLength(1); c++)
                result[r, c] = T.CreateChecked(values[r, c]);
        }
        return result;
    }
}
