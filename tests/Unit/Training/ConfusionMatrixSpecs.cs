using ConvSpec.Mnist;
using ConvSpec.Models;
using ConvSpec.Training;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Unit.Training;

/// <summary>
/// The evaluation's confusion matrix and predictions against its own accuracy, which it counts apart
/// (argmax equal to the label), and against the labels as the data holds them. An untrained network on
/// random digits keeps this cheap; the MNIST collection checks the trained network on the real test set.
/// </summary>
public sealed class ConfusionMatrixSpecs
{
    private static MnistSplit RandomDigits(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * 28 * 28];
        random.NextBytes(pixels);
        var labels = Enumerable.Range(0, count).Select(_ => (byte)random.Next(10)).ToArray();
        return new MnistSplit(new IdxImages(count, 28, 28, pixels), labels);
    }

    [Fact]
    [Specifies("Rule: the lab report's numbers and links")]
    public void Confusion_matrix_counts_every_sample_once_under_its_label_and_its_trace_is_the_accuracy()
    {
        MnistSplit digits = RandomDigits(730, seed: 3);
        random.manual_seed(3);
        using var model = LabCnn.Create();
        using var split = new TensorSplit(digits, 1 / 255f, 0, CPU);

        Evaluation evaluation = Evaluator.Evaluate(model, split, batchSize: 100);

        ConfusionChecks.ShouldAgreeWith(evaluation, digits);
    }
}

/// <summary>What every evaluation's confusion matrix must satisfy against the split it evaluated.</summary>
public static class ConfusionChecks
{
    public static void ShouldAgreeWith(Evaluation evaluation, MnistSplit split)
    {
        long[,] confusion = evaluation.Confusion;
        confusion.Cast<long>().Sum().Should().Be(split.Count, "every evaluated sample lands in exactly one cell");
        long trace = Enumerable.Range(0, 10).Sum(d => confusion[d, d]);
        ((double)trace / split.Count).Should().Be(evaluation.Accuracy, "the diagonal holds the correct answers, so trace / N is the accuracy");
        for (int label = 0; label < 10; label++)
        {
            long inRow = Enumerable.Range(0, 10).Sum(p => confusion[label, p]);
            inRow.Should().Be(split.Labels.Count(l => l == label), $"row {label} holds the samples whose true label is {label}");
        }
        evaluation.Predictions.Should().HaveCount(split.Count);
        var recount = new long[10, 10];
        for (int n = 0; n < split.Count; n++) recount[split.Labels[n], evaluation.Predictions[n]]++;
        confusion.Should().BeEquivalentTo(recount, "the matrix tallies (true label, prediction) of each sample in order");
    }
}
