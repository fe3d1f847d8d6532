using ConvSpec.Mnist;
using static TorchSharp.torch;

namespace ConvSpec.Training;

/// <summary>A whole MNIST split held as tensors on one device: inputs N×1×28×28 (scaled) and int64 labels.</summary>
public sealed class TensorSplit : IDisposable
{
    public Tensor Inputs { get; }
    public Tensor Labels { get; }
    public long Count => Labels.shape[0];

    public TensorSplit(MnistSplit split, float scale, float offset, Device device)
    {
        var images = split.Images;
        using var bytes = tensor(images.Pixels, [images.Count, 1, images.Rows, images.Columns]);
        using var scaled = bytes.to_type(ScalarType.Float32).mul_(scale).add_(offset);
        Inputs = scaled.to(device).DetachFromDisposeScope();
        using var labels = tensor(split.Labels, ScalarType.Int64);
        Labels = labels.to(device).DetachFromDisposeScope();
    }

    public void Dispose()
    {
        Inputs.Dispose();
        Labels.Dispose();
    }
}
