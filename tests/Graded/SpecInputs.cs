using ConvSpec.Exercises;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Graded;

/// <summary>The graded specs' inputs: the same numbers on every run, from fixed seeds.</summary>
internal static class SpecInputs
{
    /// <summary>A matrix of uniform values in [-1, 1) from a fixed seed.</summary>
    public static double[,] Random(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var m = new double[rows, cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
                m[i, j] = random.NextDouble() * 2 - 1;
        }
        return m;
    }

    /// <summary>Images of uniform pixels in [0, 1) from a fixed seed, NCHW.</summary>
    public static TensorData Images(int count, int seed) => Uniform([count, 1, 28, 28], seed);

    public static TensorData Uniform(long[] shape, int seed)
    {
        var random = new Random(seed);
        var values = new float[shape.Aggregate(1L, (a, b) => a * b)];
        for (int n = 0; n < values.Length; n++) values[n] = random.NextSingle();
        return new TensorData(shape, values);
    }

    /// <summary>The small classifier's parameters as torch.manual_seed(<paramref name="seed"/>) initialises them.</summary>
    public static IReadOnlyList<NamedTensor> SmallClassifierParameters(int seed)
    {
        manual_seed(seed);
        using var model = LibraryExerciseCode.SmallClassifier();
        return NamedTensor.ParametersOf(model);
    }
}
