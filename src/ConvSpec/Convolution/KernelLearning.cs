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
        Shapes.RequireKernelFits(input, initialKernel, "input", "initial kernel");
        Shapes.RequireNonEmpty(output, nameof(output));
        int outputRows = input.GetLength(0) - initialKernel.GetLength(0) + 1;
        int outputCols = input.GetLength(1) - initialKernel.GetLength(1) + 1;
        if (output.GetLength(0) != outputRows || output.GetLength(1) != outputCols)
            throw new ArgumentException(
                $"output {Shapes.Of(output)} does not match input {Shapes.Of(input)} convolved with a {Shapes.Of(initialKernel)} kernel ({outputRows}×{outputCols}).",
                nameof(output));
        ArgumentOutOfRangeException.ThrowIfNegative(steps);

        var kernel = (T[,])initialKernel.Clone();
        var losses = new List<T>(steps);
        T two = T.CreateChecked(2);
        for (int step = 0; step < steps; step++)
        {
            T[,] predicted = Convolution2D.ApplyConvolution(input, kernel);
            T loss = T.Zero;
            var dLossDy = new T[outputRows, outputCols];
            for (int i = 0; i < outputRows; i++)
            {
                for (int j = 0; j < outputCols; j++)
                {
                    T error = predicted[i, j] - output[i, j];
                    loss += error * error;
                    dLossDy[i, j] = two * error;
                }
            }
            losses.Add(loss);

            T[,] gradient = ConvGradients.ConvGradientWrtKernel(dLossDy, input);
            for (int k = 0; k < kernel.GetLength(0); k++)
            {
                for (int l = 0; l < kernel.GetLength(1); l++)
                    kernel[k, l] -= learningRate * gradient[k, l];
            }
        }
        return new KernelFit<T>(kernel, losses);
    }
}
