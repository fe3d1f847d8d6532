using System.Numerics;

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
        int outputRows = OutputShape.Valid(image.GetLength(0), kernel.GetLength(0));
        int outputCols = OutputShape.Valid(image.GetLength(1), kernel.GetLength(1));
        if (i < 0 || i >= outputRows)
            throw new ArgumentOutOfRangeException(nameof(i), $"row {i} is outside 0..{outputRows - 1}, the rows of the output of image {Shapes.Of(image)} and kernel {Shapes.Of(kernel)}.");
        if (j < 0 || j >= outputCols)
            throw new ArgumentOutOfRangeException(nameof(j), $"column {j} is outside 0..{outputCols - 1}, the columns of the output of image {Shapes.Of(image)} and kernel {Shapes.Of(kernel)}.");

        // #!HWBEGIN
        // #!MSG TODO: return y_ij, the sum over the kernel of x_{i+k, j+l} · k_kl (0-based indices).
        T sum = T.Zero;
        for (int k = 0; k < kernel.GetLength(0); k++)
        {
            for (int l = 0; l < kernel.GetLength(1); l++)
                sum += image[i + k, j + l] * kernel[k, l];
        }
        return sum;
        // #!HWEND
    }

    /// <summary>Y = K ∗ X, of size r(X)−r(K)+1 × c(X)−c(K)+1.</summary>
    public static T[,] ApplyConvolution<T>(T[,] image, T[,] kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireKernelFits(image, kernel);
        int outputRows = OutputShape.Valid(image.GetLength(0), kernel.GetLength(0));
        int outputCols = OutputShape.Valid(image.GetLength(1), kernel.GetLength(1));

        // #!HWBEGIN
        // #!MSG TODO: compute every y_ij of the valid output (size r(X)−r(K)+1 × c(X)−c(K)+1).
        // #!MSG Note: watch the index bounds of the image!
        var output = new T[outputRows, outputCols];
        for (int i = 0; i < outputRows; i++)
        {
            for (int j = 0; j < outputCols; j++)
                output[i, j] = ComputeConvolutionAtPosition(i, j, image, kernel);
        }
        return output;
        // #!HWEND
    }
}
