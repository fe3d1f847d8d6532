using System.Numerics;

namespace ConvSpec.Convolution;

/// <summary>A learned kernel and the squared-error loss before each step.</summary>
public sealed record KernelFit<T>(T[,] Kernel, IReadOnlyList<T> Losses);

/// <summary>
/// Recovers a kernel from an input X and its output Y by gradient descent on L = Σ (ŷ_ij − y_ij)²,
/// using the hand-written kernel gradient (docs/derivations.md, equation 12; d2l's "learning a kernel").
/// </summary>
public static class KernelLearning
{
    public static KernelFit<T> LearnKernel<T>(T[,] input, T[,] output, T[,] initialKernel, T learningRate, int steps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (outputRows, outputCols) = Shapes.ValidOutput(input, initialKernel, "input", "initial kernel");
        Shapes.RequireNonEmpty(output, nameof(output));
        if (output.GetLength(0) != outputRows || output.GetLength(1) != outputCols)
            throw new ArgumentException(
                $"output {Shapes.Of(output)} does not match input {Shapes.Of(input)} convolved with a {Shapes.Of(initialKernel)} kernel ({outputRows}×{outputCols}).",
                nameof(output));
        ArgumentOutOfRangeException.ThrowIfNegative(steps);

        var (kernel, losses) = Descent.Run(initialKernel, -learningRate, steps, k =>
        {
            T[,] predicted = Convolution2D.ApplyConvolution(input, k);
            var error = new T[outputRows, outputCols];
            for (int i = 0; i < outputRows; i++)
            {
                for (int j = 0; j < outputCols; j++)
                    error[i, j] = predicted[i, j] - output[i, j];
            }
            var (loss, dLossDy) = Descent.SumOfSquares(error);
            return (loss, ConvGradients.ConvGradientWrtKernel(dLossDy, input));
        });
        return new KernelFit<T>(kernel, losses);
    }
}
