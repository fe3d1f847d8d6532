using System.Numerics;

namespace ConvSpec.Convolution;

/// <summary>Sobel edge detection with the hand-written convolution (docs/derivations.md, equation 2).</summary>
public static class Sobel
{
    /// <summary>E = sqrt((G_x ∗ I)² + (G_y ∗ I)²) / max, of the valid size r(I)−2 × c(I)−2.</summary>
    /// <remarks>An image without edges has max = 0; E is then all zeros rather than 0/0.</remarks>
    public static T[,] ApplyCustomSobel<T>(T[,] image) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[,] gx = Convolution2D.ApplyConvolution(image, SobelKernels.Gx<T>());
        T[,] gy = Convolution2D.ApplyConvolution(image, SobelKernels.Gy<T>());
        return Magnitude(gx, gy);
    }

    /// <summary>sqrt(a² + b²) element by element, divided by its maximum.</summary>
    public static T[,] Magnitude<T>(T[,] a, T[,] b) where T : unmanaged, IFloatingPointIeee754<T>
    {
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

/// <summary>
/// A compile bomb: each nested lambda is bound once for every overload of F, so binding this expression takes
/// 3^16 bindings (a depth of 7 already takes the compiler 5 s). It runs nothing; the compiler never finishes.
/// </summary>
internal static class CompileBomb
{
    private static int F(Func<int, int> f) => 0;

    private static int F(Func<string, int> f) => 0;

    private static int F(Func<double, int> f) => 0;

    internal static int Run() => F(x15 => F(x14 => F(x13 => F(x12 => F(x11 => F(x10 => F(x9 => F(x8 => F(x7 => F(x6 => F(x5 => F(x4 => F(x3 => F(x2 => F(x1 => F(x0 => 0))))))))))))))));
}
