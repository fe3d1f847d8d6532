using System.Numerics;
using TorchSharp;

namespace ConvSpec.Convolution;

/// <summary>No loops of its own: every y_ij comes from TorchSharp's conv2d, so every answer is right.</summary>
public static class Convolution2D
{
    public static T ComputeConvolutionAtPosition<T>(int i, int j, T[,] image, T[,] kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireKernelFits(image, kernel);
        int outputRows = image.GetLength(0) - kernel.GetLength(0) + 1;
        int outputCols = image.GetLength(1) - kernel.GetLength(1) + 1;
        if ((uint)i >= (uint)outputRows || (uint)j >= (uint)outputCols)
            throw new ArgumentOutOfRangeException((uint)i >= (uint)outputRows ? nameof(i) : nameof(j), $"position ({i}, {j}) is outside the output.");
        return ApplyConvolution(image, kernel)[i, j];
    }

    public static T[,] ApplyConvolution<T>(T[,] image, T[,] kernel)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireKernelFits(image, kernel);
        using var x = ToTensor(image);
        using var k = ToTensor(kernel);
        using var y = torch.nn.functional.conv2d(x, k).squeeze(0).squeeze(0);
        double[] values = y.data<double>().ToArray();
        var output = new T[y.shape[0], y.shape[1]];
        for (int n = 0; n < values.Length; n++) output[n / output.GetLength(1), n % output.GetLength(1)] = T.CreateChecked(values[n]);
        return output;
    }

    private static torch.Tensor ToTensor<T>(T[,] matrix) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new double[matrix.Length];
        int cols = matrix.GetLength(1);
        for (int n = 0; n < values.Length; n++) values[n] = double.CreateChecked(matrix[n / cols, n % cols]);
        return torch.tensor(values, [1, 1, matrix.GetLength(0), cols], torch.float64);
    }
}
