using ConvSpec.Exercises;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Graded;

/// <summary>
/// The lab CNN and the training step written out here, apart from the exercise code, so the CNN and training
/// specs compare a submission with the notebook itself: the network as the notebook lists it, and a training
/// step as autograd and the SGD rule p ← p − η·∂L/∂p define it.
/// </summary>
internal static class NetworkReference
{
    /// <summary>The notebook's layers in order, named as nn.Sequential names them ("0".."10").</summary>
    public static Sequential LabCnn() => nn.Sequential(
        ("0", nn.Conv2d(1, 32, kernel_size: 3)), ("1", nn.ReLU()), ("2", nn.MaxPool2d(kernel_size: 2)),
        ("3", nn.Conv2d(32, 64, kernel_size: 3)), ("4", nn.ReLU()), ("5", nn.MaxPool2d(kernel_size: 2)),
        ("6", nn.Conv2d(64, 64, kernel_size: 3)), ("7", nn.Flatten()),
        ("8", nn.Linear(576, 64)), ("9", nn.ReLU()), ("10", nn.Linear(64, 10)));

    /// <summary>The lab CNN's parameters, "name shape" each, in order: 93,322 numbers in all.</summary>
    public static readonly string[] LabCnnParameters =
    [
        "0.weight [32, 1, 3, 3]", "0.bias [32]",
        "3.weight [64, 32, 3, 3]", "3.bias [64]",
        "6.weight [64, 64, 3, 3]", "6.bias [64]",
        "8.weight [64, 576]", "8.bias [64]",
        "10.weight [10, 64]", "10.bias [10]",
    ];

    public static string Describe(NamedTensor parameter) => $"{parameter.Name} [{string.Join(", ", parameter.Value.Shape)}]";

    /// <summary>The reference network's scores for <paramref name="inputs"/> with <paramref name="parameters"/> in it.</summary>
    public static float[] LabCnnScores(IReadOnlyList<NamedTensor> parameters, TensorData inputs)
    {
        using var scope = NewDisposeScope();
        using var model = LabCnn();
        LibraryExerciseCode.Load(model, parameters);
        using var grad = no_grad();
        return model.call(inputs.ToTensor()).data<float>().ToArray();
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

    /// <summary>
    /// <paramref name="steps"/> steps of plain SGD on one batch: each computes the cross-entropy of the scores, its
    /// gradient by autograd (fresh each step), and p ← p − η·∂L/∂p. Returns the losses before each step and the final parameters.
    /// </summary>
    public static TrainingRun TrainSteps(IReadOnlyList<NamedTensor> parameters, TensorData inputs, long[] labels, double learningRate, int steps)
    {
        using var scope = NewDisposeScope();
        using var model = LibraryExerciseCode.SmallClassifier();
        LibraryExerciseCode.Load(model, parameters);
        var weights = model.parameters().ToList<Tensor>();
        var x = inputs.ToTensor();
        var y = tensor(labels);
        var losses = new List<float>();
        for (int step = 0; step < steps; step++)
        {
            var loss = nn.functional.cross_entropy(model.call(x), y);
            losses.Add(loss.item<float>());
            var gradients = autograd.grad([loss], weights);
            using var grad = no_grad();
            for (int n = 0; n < weights.Count; n++) weights[n].sub_(gradients[n] * learningRate);
        }
        return new TrainingRun(losses, NamedTensor.ParametersOf(model));
    }

    /// <summary>
    /// Whether two networks' scores agree: within 1e-4, absolute plus relative, since the two sides may sum a
    /// convolution's products in another order (another process, another thread count).
    /// </summary>
    public static bool SameScore(float actual, float expected) => Math.Abs(actual - expected) <= 1e-4f + 1e-4f * Math.Abs(expected);

    /// <summary>The largest difference between two parameter lists of the same names and shapes.</summary>
    public static double LargestDifference(IReadOnlyList<NamedTensor> actual, IReadOnlyList<NamedTensor> expected) =>
        actual.Zip(expected, (a, e) => a.Value.Values.Zip(e.Value.Values, (x, y) => Math.Abs((double)x - y)).DefaultIfEmpty(0).Max())
            .DefaultIfEmpty(0).Max();
}
