namespace ConvSpec.Mnist;

/// <summary>One split of MNIST: images (bytes 0..255) and their labels (0..9), in file order.</summary>
public sealed record MnistSplit(IdxImages Images, byte[] Labels)
{
    public int Count => Labels.Length;
}
