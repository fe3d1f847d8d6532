namespace ConvSpec.Tests.Graded.Hidden;

/// <summary>
/// The CNN and the training step compared with the answers in <see cref="NetworkReference"/>: run only when
/// grading, since the comparison needs the answer itself.
/// </summary>
public class HiddenNetworkGradedSpecs(ExerciseCodeFixture submission, ExerciseSummary summary) : GradedSpecs(summary)
{
    private const double Rate = TrainingGradedSpecs.LearningRate;

    private static readonly long[] Classes = TrainingGradedSpecs.Labels;

    private static readonly ConvSpec.Exercises.TensorData Batch = TrainingGradedSpecs.Inputs;

    [Fact]
    [Graded("cnn", 2)]
    [Specifies("Eq. 9")]
    public void Lab_cnn_applies_relu_and_pooling_where_the_notebook_does()
    {
        var digits = SpecInputs.Images(4, seed: 63);
        var cnn = submission.Code.RunLabCnn(3, digits);
        cnn.Parameters.Sum(p => p.Value.Values.Length).Should().Be(93_322,
            "the forward pass can be compared only when the layers hold the notebook's parameters");

        cnn.Output.Values.Should().Equal(NetworkReference.LabCnnScores(cnn.Parameters, digits), Agreement.SameScore,
            "with its own weights in the notebook's layer order (conv, ReLU, pool, conv, ReLU, pool, conv, flatten, linear, ReLU, linear) the network gives these scores");
    }

    [Fact]
    [Graded("cnn", 1)]
    [Specifies("Eq. 9")]
    public void Lab_cnn_scores_each_image_of_a_batch_on_its_own()
    {
        var three = SpecInputs.Images(3, seed: 64);
        var first = new ConvSpec.Exercises.TensorData([1, 1, 28, 28], three.Values[..(28 * 28)]);

        float[] batch = submission.Code.RunLabCnn(5, three).Output.Values;
        float[] alone = submission.Code.RunLabCnn(5, first).Output.Values;

        batch.Take(10).Should().Equal(alone, Agreement.SameScore,
            "the first image's scores do not depend on the other images of its batch (flatten keeps the batch axis)");
    }

    [Fact]
    [Graded("training", 1)]
    [Specifies("Rule: the training step")]
    public void Training_step_moves_every_parameter_by_one_optimizer_step()
    {
        var initial = SpecInputs.SmallClassifierParameters(seed: 73);

        var once = submission.Code.RunTrainSteps(initial, Batch, Classes, Rate, steps: 1);

        Agreement.LargestDifference(once.Parameters, NetworkReference.TrainSteps(initial, Batch, Classes, Rate, steps: 1).Parameters)
            .Should().BeLessThan(1e-5, "after one step of SGD every parameter is p − η·∂L/∂p");
    }

    [Fact]
    [Graded("training", 1)]
    [Specifies("Rule: the training step")]
    public void Training_step_starts_each_backward_pass_from_zero_gradients()
    {
        var initial = SpecInputs.SmallClassifierParameters(seed: 74);

        var twice = submission.Code.RunTrainSteps(initial, Batch, Classes, Rate, steps: 2);

        var clean = NetworkReference.TrainSteps(initial, Batch, Classes, Rate, steps: 2);
        twice.Losses.Should().Equal(clean.Losses, (a, e) => Math.Abs(a - e) <= 1e-5f, "each step's loss is that of the parameters it starts from");
        Agreement.LargestDifference(twice.Parameters, clean.Parameters).Should().BeLessThan(1e-5,
            "the second step uses only the second batch's gradient: backward() adds to .grad, so optimizer.zero_grad() must come before it");
    }
}
