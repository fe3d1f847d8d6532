using ConvSpec.Exercises;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Graded;

/// <summary>
/// TorchSharp's own operations, which the visible graded specs compare a submission with: conv2d for the
/// convolution and its gradients, cross_entropy for the training loss. No answer of ours is written here.
/// </summary>
internal static class TorchOps
{
    /// <summary>TorchSharp's conv2d of one single-channel image with one kernel (NCHW, N = C = 1), in float64.</summary>
    public static double[,] Conv2d(double[,] image, double[,] kernel)
    {
        using var scope = NewDisposeScope();
        var y = nn.functional.conv2d(tensor(image).unsqueeze(0).unsqueeze(0), tensor(kernel).unsqueeze(0).unsqueeze(0)).squeeze(0).squeeze(0);
        var result = new double[y.shape[0], y.shape[1]];
        double[] values = y.contiguous().data<double>().ToArray();
        Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(double));
        return result;
    }

    /// <summary>The mean cross-entropy of the small classifier's scores with <paramref name="parameters"/> in it.</summary>
    public static float CrossEntropy(IReadOnlyList<NamedTensor> parameters, TensorData inputs, long[] labels)
    {
        using var scope = NewDisposeScope();
        using var model = LibraryExerciseCode.SmallClassifier();
        LibraryExerciseCode.Load(model, parameters);
        using var grad = no_grad();
        return nn.functional.cross_entropy(model.call(inputs.ToTensor()), tensor(labels)).item<float>();
    }
}
