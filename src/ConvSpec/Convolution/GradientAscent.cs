using System.Numerics;

namespace ConvSpec.Convolution;

/// <summary>The path of a gradient ascent: the image after the last step and the loss before each step.</summary>
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

        var (image, losses) = Descent.Run(start, stepSize, steps, x =>
        {
            var (loss, dLossDy) = Descent.SumOfSquares(Convolution2D.ApplyConvolution(x, kernel));
            return (loss, ConvGradients.ConvGradientWrtInput(dLossDy, kernel));
        });
        return new AscentResult<T>(image, losses);
    }
}
