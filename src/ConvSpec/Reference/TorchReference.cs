using System.Numerics;
using ConvSpec.Arrays;
using ConvSpec.Convolution;
using static TorchSharp.torch;

namespace ConvSpec.Reference;

/// <summary>The library's answers that the hand-written exercise code is checked against.</summary>
public static class TorchReference
{
    /// <summary>Valid single-channel convolution with TorchSharp's conv2d (NCHW with N = C = 1).</summary>
    public static T[,] Conv2d<T>(T[,] image, T[,] kernel) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // The same checks as the hand-written code, so both sides reject bad shapes with the same message.
        Shapes.RequireKernelFits(image, kernel);
        using var scope = NewDisposeScope();
        Tensor x = TensorArrays.ToTensor(image).unsqueeze(0).unsqueeze(0);
        Tensor k = TensorArrays.ToTensor(kernel).unsqueeze(0).unsqueeze(0);
        return TensorArrays.ToMatrix<T>(nn.functional.conv2d(x, k).squeeze(0).squeeze(0));
    }

    /// <summary>
    /// The notebook's apply_sobel: both Sobel responses with conv2d, combined and divided by the maximum. Its kernels
    /// are the notebook's literals, not the exercise's SobelKernels, so that a reference never repeats the code it checks.
    /// </summary>
    public static T[,] ApplySobel<T>(T[,] image) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var scope = NewDisposeScope();
        Tensor x = TensorArrays.ToTensor(image).unsqueeze(0).unsqueeze(0);
        Tensor sobelX = tensor(new float[] { -1, 0, 1, -2, 0, 2, -1, 0, 1 }).to(x.dtype).view(1, 1, 3, 3);
        Tensor sobelY = tensor(new float[] { -1, -2, -1, 0, 0, 0, 1, 2, 1 }).to(x.dtype).view(1, 1, 3, 3);
        Tensor gx = nn.functional.conv2d(x, sobelX);
        Tensor gy = nn.functional.conv2d(x, sobelY);
        Tensor magnitude = sqrt(gx.pow(2) + gy.pow(2));
        return TensorArrays.ToMatrix<T>((magnitude / magnitude.max()).squeeze(0).squeeze(0));
    }
}
