using ConvSpec.Training;

namespace ConvSpec.Tests.Unit.Training;

/// <summary>
/// What training achieves; thresholds in <see cref="MnistThresholds"/>.
/// </summary>
[Trait("Category", "Mnist")]
[Collection(MnistTrainingGroup.Name)]
[Specifies("Rule: MNIST accuracy thresholds")]
public sealed class MnistAccuracySpecs(MnistTrainingFixture training)
{
    [Fact]
    public void Untrained_lab_cnn_is_near_chance()
    {
        training.LabCnn.Untrained.Accuracy.Should().BeInRange(0.02, 0.25, "ten classes and random weights give about one in ten");
    }

    [Fact]
    public void Untrained_lenet5_is_near_chance()
    {
        training.LeNet.Untrained.Accuracy.Should().BeInRange(0.02, 0.25, "ten classes and random weights give about one in ten");
    }

    [Fact]
    public void Lab_cnn_training_lowers_the_loss()
    {
        var report = training.LabCnn;
        report.Epochs[0].TrainLoss.Should().BeLessThan(report.Untrained.Loss / 4, "one epoch should cut the loss of random weights (ln 10 ≈ 2.3) several-fold");
        report.Test.Loss.Should().BeLessThan(report.Untrained.Loss / 4);
    }

    [Fact]
    public void LeNet5_loss_decreases_every_epoch()
    {
        var losses = training.LeNet.Epochs.Select(e => e.TrainLoss).ToList();
        losses.Should().HaveCount(3);
        losses.Should().BeInDescendingOrder().And.OnlyHaveUniqueItems();
        losses[0].Should().BeLessThan(training.LeNet.Untrained.Loss);
    }

    [Fact]
    public void Lab_cnn_reaches_the_threshold_after_one_epoch()
    {
        training.LabCnn.Test.Accuracy.Should().BeGreaterThanOrEqualTo(MnistThresholds.LabCnnOneEpoch);
    }

    [Fact]
    public void LeNet5_reaches_the_threshold_after_three_epochs()
    {
        training.LeNet.Test.Accuracy.Should().BeGreaterThanOrEqualTo(MnistThresholds.LeNetThreeEpochs);
    }
}
