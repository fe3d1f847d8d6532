using ConvSpec.Exercises;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Graded.Hidden;

/// <summary>
/// The lab CNN and the training step written out apart from the exercise code, for the hidden specs only (this
/// file never reaches the starter: it is the answer of both exercises). They compare a submission with the
/// notebook itself: the network as the notebook lists it, and a training step as autograd and the SGD rule
/// p ← p − η·∂L/∂p define it.
/// </summary>
internal static class NetworkReference
{
    /// <summary>The notebook's layers in order, named as nn.Sequential names them ("0".."10").</summary>
    public static Sequential LabCnn() => nn.Sequential(
        ("0", nn.Conv2d(1, 32, kernel_size: 3)), ("1", nn.ReLU()), ("2", nn.MaxPool2d(kernel_size: 2)),
        ("3", nn.Conv2d(32, 64, kernel_size: 3)), ("4", nn.ReLU()), ("5", nn.MaxPool2d(kernel_size: 2)),
        ("6", nn.Conv2d(64, 64, kernel_size: 3)), ("7", nn.Flatten()),
        ("8", nn.Linear(576, 64)), ("9", nn.ReLU()), ("10", nn.Linear(64, 10)));

    /// <summary>The reference network's scores for <paramref name="inputs"/> with <paramref name="parameters"/> in it.</summary>
    public static float[] LabCnnScores(IReadOnlyList<NamedTensor> parameters, TensorData inputs)
    {
        using var scope = NewDisposeScope();
        using var cnn = LabCnn();
        LibraryExerciseCode.Load(cnn, parameters);
        using var grad = no_grad();
        return cnn.call(inputs.ToTensor()).data<float>().ToArray();
    }

    /// <summary>
    /// <paramref name="steps"/> steps of plain SGD on one batch: each computes the cross-entropy of the scores, its
    /// gradient by autograd (fresh each step), and p ← p − η·∂L/∂p. Returns the losses before each step and the final parameters.
    /// </summary>
    public static TrainingRun TrainSteps(IReadOnlyList<NamedTensor> parameters, TensorData inputs, long[] labels, double learningRate, int steps)
    {
        using var scope = NewDisposeScope();
        using var classifier = LibraryExerciseCode.SmallClassifier();
        LibraryExerciseCode.Load(classifier, parameters);
        var weights = classifier.parameters().ToList<Tensor>();
        var batch = inputs.ToTensor();
        var targets = tensor(labels);
        var before = new List<float>();
        for (int n = 0; n < steps; n++)
        {
            var loss = nn.functional.cross_entropy(classifier.call(batch), targets);
            before.Add(loss.item<float>());
            var gradients = autograd.grad([loss], weights);
            using var grad = no_grad();
            for (int w = 0; w < weights.Count; w++) weights[w].sub_(gradients[w] * learningRate);
        }
        return new TrainingRun(before, NamedTensor.ParametersOf(classifier));
    }
}
