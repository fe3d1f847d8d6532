using ConvSpec.Arrays;
using ConvSpec.Reference;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Unit.Convolution;

/// <summary>Losses and gradients computed by TorchSharp's conv2d and autograd: references independent of the exercise code.</summary>
internal static class TorchGradients
{
    /// <summary>L = Σ (K ∗ X)² and ∂L/∂X, in float64.</summary>
    public static (double Loss, double[,] Gradient) SumOfSquaresWrtInput(double[,] image, double[,] kernel)
    {
        using var scope = NewDisposeScope();
        Tensor x = TensorArrays.ToTensor(image).unsqueeze(0).unsqueeze(0).requires_grad_(true);
        Tensor k = TensorArrays.ToTensor(kernel).unsqueeze(0).unsqueeze(0);
        Tensor loss = nn.functional.conv2d(x, k).pow(2).sum();
        loss.backward();
        return (loss.item<double>(), TensorArrays.ToMatrix<double>(x.grad!.squeeze(0).squeeze(0)));
    }

    /// <summary>L = Σ (K ∗ X − Y)² and ∂L/∂K, in float64.</summary>
    public static (double Loss, double[,] Gradient) SquaredErrorWrtKernel(double[,] input, double[,] kernel, double[,] target)
    {
        using var scope = NewDisposeScope();
        Tensor x = TensorArrays.ToTensor(input).unsqueeze(0).unsqueeze(0);
        Tensor k = TensorArrays.ToTensor(kernel).unsqueeze(0).unsqueeze(0).requires_grad_(true);
        Tensor loss = (nn.functional.conv2d(x, k).squeeze(0).squeeze(0) - TensorArrays.ToTensor(target)).pow(2).sum();
        loss.backward();
        return (loss.item<double>(), TensorArrays.ToMatrix<double>(k.grad!.squeeze(0).squeeze(0)));
    }

    /// <summary>∂L/∂X for L = Σ g_ij·y_ij, i.e. for a given ∂L/∂Y = G, in the element type of the arrays.</summary>
    public static double[,] InputGradient(double[,] dLossDy, double[,] image, double[,] kernel) => Gradients(dLossDy, image, kernel).Input;

    /// <summary>∂L/∂K for L = Σ g_ij·y_ij, i.e. for a given ∂L/∂Y = G.</summary>
    public static double[,] KernelGradient(double[,] dLossDy, double[,] image, double[,] kernel) => Gradients(dLossDy, image, kernel).Kernel;

    private static (double[,] Input, double[,] Kernel) Gradients(double[,] dLossDy, double[,] image, double[,] kernel)
    {
        using var scope = NewDisposeScope();
        Tensor x = TensorArrays.ToTensor(image).unsqueeze(0).unsqueeze(0).requires_grad_(true);
        Tensor k = TensorArrays.ToTensor(kernel).unsqueeze(0).unsqueeze(0).requires_grad_(true);
        (nn.functional.conv2d(x, k).squeeze(0).squeeze(0) * TensorArrays.ToTensor(dLossDy)).sum().backward();
        return (TensorArrays.ToMatrix<double>(x.grad!.squeeze(0).squeeze(0)), TensorArrays.ToMatrix<double>(k.grad!.squeeze(0).squeeze(0)));
    }
}
