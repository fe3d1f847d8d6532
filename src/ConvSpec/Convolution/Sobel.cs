using System.Numerics;

namespace ConvSpec.Convolution;

/// <summary>Sobel edge detection with the hand-written convolution (docs/derivations.md, equation 2).</summary>
public static class Sobel
{
    /// <summary>E = sqrt((G_x ∗ I)² + (G_y ∗ I)²) / max, of the valid size r(I)−2 × c(I)−2.</summary>
    /// <remarks>An image without edges has max = 0; E is then all zeros rather than 0/0.</remarks>
    public static T[,] ApplyCustomSobel<T>(T[,] image) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // #!HWBEGIN
        // #!MSG TODO: convolve the image with G_x and with G_y, then combine them with Magnitude (equation 2).
        T[,] gx = Convolution2D.ApplyConvolution(image, SobelKernels.Gx<T>());
        T[,] gy = Convolution2D.ApplyConvolution(image, SobelKernels.Gy<T>());
        return Magnitude(gx, gy);
        // #!HWEND
    }

    /// <summary>sqrt(a² + b²) element by element, divided by its maximum.</summary>
    public static T[,] Magnitude<T>(T[,] a, T[,] b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int rows = a.GetLength(0), cols = a.GetLength(1);
        if (b.GetLength(0) != rows || b.GetLength(1) != cols)
            throw new ArgumentException($"responses differ in shape: {Shapes.Of(a)} and {Shapes.Of(b)}.", nameof(b));

        var edges = new T[rows, cols];
        T max = T.Zero;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                edges[r, c] = T.Sqrt(a[r, c] * a[r, c] + b[r, c] * b[r, c]);
                max = T.Max(max, edges[r, c]);
            }
        }
        if (max == T.Zero) return edges;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                edges[r, c] /= max;
        }
        return edges;
    }
}
