using System.Numerics;

namespace ConvSpec.Convolution;

/// <summary>
/// The loop shared by gradient ascent on an image and gradient descent on a kernel: record the loss at the
/// current point, then move the point by step · gradient (a positive step climbs, a negative one descends).
/// </summary>
internal static class Descent
{
    public static (T[,] Point, List<T> Losses) Run<T>(T[,] start, T step, int steps, Func<T[,], (T Loss, T[,] Gradient)> lossAndGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // The caller's array is its own: every step works on a copy.
        var point = (T[,])start.Clone();
        var losses = new List<T>(steps);
        for (int s = 0; s < steps; s++)
        {
            (T loss, T[,] gradient) = lossAndGradient(point);
            losses.Add(loss);
            for (int r = 0; r < point.GetLength(0); r++)
            {
                for (int c = 0; c < point.GetLength(1); c++)
                    point[r, c] += step * gradient[r, c];
            }
        }
        return (point, losses);
    }

    /// <summary>L = Σ e_ij² and ∂L/∂e = 2E for a residual E (the output itself, or the output minus a target).</summary>
    public static (T Loss, T[,] Gradient) SumOfSquares<T>(T[,] residual) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T loss = T.Zero, two = T.CreateChecked(2);
        var gradient = new T[residual.GetLength(0), residual.GetLength(1)];
        for (int i = 0; i < residual.GetLength(0); i++)
        {
            for (int j = 0; j < residual.GetLength(1); j++)
            {
                loss += residual[i, j] * residual[i, j];
                gradient[i, j] = two * residual[i, j];
            }
        }
        return (loss, gradient);
    }
}
