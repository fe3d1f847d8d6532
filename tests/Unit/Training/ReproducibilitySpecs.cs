using ConvSpec.Mnist;
using ConvSpec.Training;

namespace ConvSpec.Tests.Unit.Training;

/// <summary>Same seed, same run: torch's seed fixes the initial weights and the shuffle's seed the batch order.</summary>
[Trait("Category", "Mnist")]
[Collection(MnistTrainingGroup.Name)]
[Specifies("Rule: training is seeded and reproducible")]
public sealed class ReproducibilitySpecs(MnistTrainingFixture training)
{
    private MnistData Small => new(
        Take(training.Data.Train, 1280),
        Take(training.Data.Test, 500));

    private static MnistSplit Take(MnistSplit split, int count)
    {
        var images = split.Images;
        var pixels = images.Pixels.AsSpan(0, count * images.Rows * images.Columns).ToArray();
        return new MnistSplit(images with { Count = count, Pixels = pixels }, split.Labels[..count]);
    }

    [Theory]
    [InlineData(ModelKind.LabCnn)]
    [InlineData(ModelKind.LeNet)]
    public void The_same_seed_gives_the_same_losses_and_accuracy(ModelKind model)
    {
        var data = Small;
        var first = MnistTraining.Run(data, new TrainingOptions(model, Epochs: 1, Seed: 7));
        var second = MnistTraining.Run(data, new TrainingOptions(model, Epochs: 1, Seed: 7));

        second.Epochs[0].TrainLoss.Should().Be(first.Epochs[0].TrainLoss);
        second.Test.Loss.Should().Be(first.Test.Loss);
        second.Test.Accuracy.Should().Be(first.Test.Accuracy);
    }

    [Fact]
    public void Another_seed_gives_another_run()
    {
        var data = Small;
        var first = MnistTraining.Run(data, new TrainingOptions(ModelKind.LabCnn, Epochs: 1, Seed: 7));
        var other = MnistTraining.Run(data, new TrainingOptions(ModelKind.LabCnn, Epochs: 1, Seed: 8));

        other.Epochs[0].TrainLoss.Should().NotBe(first.Epochs[0].TrainLoss);
    }
}
