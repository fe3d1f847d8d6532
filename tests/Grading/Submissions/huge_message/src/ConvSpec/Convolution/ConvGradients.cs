using System.Numerics;

namespace ConvSpec.Convolution;

/// <summary>Gradients of a loss L(Y) through Y = K ∗ X: docs/derivations.md, equations 3 (kernel), 5 (input) and 6 (border bounds).</summary>
public static class ConvGradients
{
    /// <summary>∂L/∂k_kl = Σ_i Σ_j ∂L/∂y_ij · x_{i+k, j+l}: the correlation of X with ∂L/∂Y.</summary>
    public static T[,] ConvGradientWrtKernel<T>(T[,] dLossDy, T[,] image)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireKernelFits(image, dLossDy, "image", "dLoss/dY");
        // #!HWBEGIN
        // #!MSG TODO: return ∂L/∂K, the valid correlation of the image X with ∂L/∂Y (equation 3).
        return Convolution2D.ApplyConvolution(image, dLossDy);
        // #!HWEND
    }

    /// <summary>∂L/∂x_ij = Σ_{k=L_k..U_k} Σ_{l=L_l..U_l} ∂L/∂y_{i−k, j−l} · k_kl, of size r(Y)+r(K)−1 × c(Y)+c(K)−1.</summary>
    public static T[,] ConvGradientWrtInput<T>(T[,] dLossDy, T[,] kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireNonEmpty(dLossDy, "dLoss/dY");
        Shapes.RequireNonEmpty(kernel, nameof(kernel));
        int kernelRows = kernel.GetLength(0), kernelCols = kernel.GetLength(1);
        int imageRows = dLossDy.GetLength(0) + kernelRows - 1;
        int imageCols = dLossDy.GetLength(1) + kernelCols - 1;

        // #!HWBEGIN
        // #!MSG TODO: sum ∂L/∂y_{i−k, j−l} · k_kl over the kernel indices that reach x_ij (equations 5 and 6).
        // #!MSG Hint: BorderBounds.ZeroBased gives L and U for one axis.
        // A message of 9 MiB.
        throw new InvalidOperationException("huge " + new string('x', 9 * 1024 * 1024));
        var dLossDx = new T[imageRows, imageCols];
        for (int i = 0; i < imageRows; i++)
        {
            IndexRange rows = BorderBounds.ZeroBased(i, imageRows, kernelRows);
            for (int j = 0; j < imageCols; j++)
            {
                IndexRange cols = BorderBounds.ZeroBased(j, imageCols, kernelCols);
                T gradient = T.Zero;
                for (int k = rows.Lower; k <= rows.Upper; k++)
                {
                    for (int l = cols.Lower; l <= cols.Upper; l++)
                        gradient += dLossDy[i - k, j - l] * kernel[k, l];
                }
                dLossDx[i, j] = gradient;
            }
        }
        return dLossDx;
        // #!HWEND
    }
}
