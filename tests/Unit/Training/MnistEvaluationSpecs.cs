namespace ConvSpec.Tests.Unit.Training;

/// <summary>
/// The lab notebook evaluated on train_loader and counted only every tenth batch. Ours must see every
/// test sample exactly once: the count and the per-digit counts of what was evaluated must be the test
/// set's (the training set has 60,000 samples and other per-digit counts; every tenth batch has ~1/10).
/// </summary>
[Trait("Category", "Mnist")]
[Collection(MnistTrainingGroup.Name)]
public sealed class MnistEvaluationSpecs(MnistTrainingFixture training)
{
    [Fact]
    [Specifies("Erratum E7")]
    public void Evaluation_uses_the_test_set()
    {
        var test = training.Data.Test;
        var expectedCounts = new long[10];
        foreach (var label in test.Labels)
        {
            expectedCounts[label]++;
        }

        var evaluated = training.LabCnn.Test;

        evaluated.Samples.Should().Be(test.Count, "every test sample is evaluated once, none skipped");
        evaluated.LabelCounts.Should().Equal(expectedCounts, "the evaluated samples are the test set's");
    }

    [Fact]
    public void Confusion_matrix_of_the_trained_network_sums_to_the_test_set_and_its_trace_is_the_reported_accuracy()
    {
        var evaluated = training.LabCnn.Test;

        evaluated.Confusion.Cast<long>().Sum().Should().Be(10_000, "MNIST's test set has 10,000 images");
        ConfusionChecks.ShouldAgreeWith(evaluated, training.Data.Test);
    }
}
