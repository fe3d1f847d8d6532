using static TorchSharp.torch;

namespace ConvSpec.Tests.Unit.Training;

/// <summary>What the notebooks' print calls show: `nn.CrossEntropyLoss()` already averages over the batch.</summary>
public sealed class NotebookStatisticsSpecs
{
    private const int BatchSize = 64, Batches = 3;

    [Fact]
    [Specifies("Erratum E10")]
    public void The_notebooks_printed_loss_is_the_mean_cross_entropy_divided_by_the_batch_size_once_more()
    {
        using var scope = NewDisposeScope();
        var random = new Random(10);
        double totalLoss = 0, sumOverSamples = 0, lastBatchLoss = 0, lastBatchSum = 0;
        for (int batch = 0; batch < Batches; batch++)
        {
            Tensor scores = tensor(Enumerable.Range(0, BatchSize * 10).Select(_ => random.NextSingle() * 4 - 2).ToArray()).view(BatchSize, 10);
            Tensor labels = tensor(Enumerable.Range(0, BatchSize).Select(_ => (long)random.Next(10)).ToArray());
            // batch_loss = loss(y_hat, y) with the default reduction, and the same losses summed per sample.
            lastBatchLoss = nn.functional.cross_entropy(scores, labels).item<float>();
            lastBatchSum = nn.functional.cross_entropy(scores, labels, reduction: nn.Reduction.Sum).item<float>();
            totalLoss += lastBatchLoss;
            sumOverSamples += lastBatchSum;
        }
        int datasetSize = Batches * BatchSize;

        lastBatchLoss.Should().BeApproximately(lastBatchSum / BatchSize, 1e-5, "CrossEntropyLoss returns the batch's mean by default");
        double printedBatch = lastBatchLoss / BatchSize, printedEpoch = totalLoss / datasetSize;
        double meanPerSample = sumOverSamples / datasetSize;
        printedBatch.Should().BeApproximately(lastBatchSum / BatchSize / BatchSize, 1e-6,
            "`float(batch_loss) / batch_size` divides the mean by 64 once more");
        printedEpoch.Should().BeApproximately(meanPerSample / BatchSize, 1e-6,
            "`total_loss / len(train_dataset)` adds batch means and divides by the number of images: the mean over 64");
        meanPerSample.Should().BeGreaterThan(1, "these random scores are far from the labels, yet the notebook would print {0:F3}", printedEpoch);
        printedEpoch.Should().BeLessThan(0.05);
    }
}
