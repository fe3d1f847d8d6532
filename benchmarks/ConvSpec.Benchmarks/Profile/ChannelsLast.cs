using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ConvSpec.Benchmarks.Profile;

/// <summary>
/// An experiment TorchSharp 0.107 has no API for: lays every convolution's weight out channels-last (NHWC strides,
/// same shape and values). libtorch then runs oneDNN's convolutions, ReLU and max pooling in that layout.
/// </summary>
public static class ChannelsLast
{
    public static void ApplyToConvolutions(nn.Module model)
    {
        using var noGrad = no_grad();
        foreach (var module in model.modules())
        {
            if (module is not Conv2d conv) continue;
            using var nhwc = conv.weight!.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
            conv.weight.set_(nhwc);
        }
    }
}
