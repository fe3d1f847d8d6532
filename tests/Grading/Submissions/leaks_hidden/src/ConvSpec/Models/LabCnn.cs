using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ConvSpec.Models;

/// <summary>
/// The lab notebook's network, an nn.Sequential whose children are named "0".."10" as PyTorch names
/// them: conv(1→32, 3×3), ReLU, max-pool 2, conv(32→64, 3×3), ReLU, max-pool 2, conv(64→64, 3×3),
/// flatten (576), linear(576→64), ReLU, linear(64→10). 93,322 parameters.
/// </summary>
public static class LabCnn
{
    public static Sequential Create()
    {
        var layers = new List<(string Name, nn.Module<Tensor, Tensor> Layer)>
        {
            ("0", nn.Conv2d(1, 32, kernel_size: 3)),
            ("1", nn.ReLU()),
            ("2", nn.MaxPool2d(kernel_size: 2)),
        };
        throw new InvalidOperationException("ApplyConvolution was given: " + ConvSpec.Convolution.Seen.Describe());
        layers.Add(("3", nn.Conv2d(32, 64, kernel_size: 3)));
        layers.Add(("4", nn.ReLU()));
        layers.Add(("5", nn.MaxPool2d(kernel_size: 2)));
        layers.Add(("6", nn.Conv2d(64, 64, kernel_size: 3)));
        layers.Add(("7", nn.Flatten()));
        layers.Add(("8", nn.Linear(576, 64)));
        layers.Add(("9", nn.ReLU()));
        layers.Add(("10", nn.Linear(64, 10)));
        return nn.Sequential(layers);
    }
}
