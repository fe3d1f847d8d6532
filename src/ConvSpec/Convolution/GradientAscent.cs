using System.Numerics;

namespace ConvSpec.Convolution;

/// <summary>The path of a gradient ascent: the image after each step and the loss before it.</summary>
public sealed record AscentResult<T>(T[,] Image, IReadOnlyList<T> Losses);

/// <summary>
/// The notebook's last exercise: which image maximises L = Σ y_ij² for Y = K ∗ X?
/// Fixed-step ascent on this quadratic form is power iteration on CᵀC (docs/derivations.md, equation 11).
/// </summary>
public static class GradientAscent
{
    public static AscentResult<T> MaximizeSumOfSquares<T>(T[,] start, T[,] kernel, T stepSize, int steps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireKernelFits(start, kernel, "start image");
        ArgumentOutOfRangeException.ThrowIfNegative(steps);

        var image = (T[,])start.Clone();
        var losses = new List<T>(steps);
        T two = T.CreateChecked(2);
        for (int step = 0; step < steps; step++)
        {
            T[,] y = Convolution2D.ApplyConvolution(image, kernel);
            T loss = T.Zero;
            var dLossDy = new T[y.GetLength(0), y.GetLength(1)];
            for (int i = 0; i < y.GetLength(0); i++)
            {
                for (int j = 0; j < y.GetLength(1); j++)
                {
                    loss += y[i, j] * y[i, j];
                    dLossDy[i, j] = two * y[i, j];
                }
            }
            losses.Add(loss);

            T[,] gradient = ConvGradients.ConvGradientWrtInput(dLossDy, kernel);
            for (int i = 0; i < image.GetLength(0); i++)
            {
                for (int j = 0; j < image.GetLength(1); j++)
                    image[i, j] += stepSize * gradient[i, j];
            }
        }
        return new AscentResult<T>(image, losses);
    }
}
