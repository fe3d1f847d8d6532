namespace ConvSpec.Tests.Graded;

/// <summary>
/// Trainer.TrainStep on a small classifier (built outside the exercise regions, so the CNN's mistakes cost
/// nothing here) against autograd and the SGD rule written out in <see cref="NetworkReference"/>.
/// </summary>
public class TrainingGradedSpecs(ExerciseCodeFixture submission)
{
    private const double LearningRate = 0.5;

    private static readonly long[] Labels = [0, 1, 2, 1, 0, 2, 2, 1];

    private static readonly ConvSpec.Exercises.TensorData Inputs = NetworkReference.Uniform([8, 6], seed: 71);

    [Fact]
    [Graded("training", 1)]
    [Specifies("Rule: the training step")]
    public void Training_step_returns_the_cross_entropy_of_the_scores_before_the_update()
    {
        var start = NetworkReference.SmallClassifierParameters(seed: 72);

        var run = submission.Code.RunTrainSteps(start, Inputs, Labels, LearningRate, steps: 1);

        run.Losses.Should().ContainSingle().Which.Should().BeApproximately(
            NetworkReference.TrainSteps(start, Inputs, Labels, LearningRate, steps: 1).Losses[0], 1e-5f,
            "the loss is the mean cross-entropy of the raw scores and the labels, computed before the optimiser changes anything");
    }

    [Fact]
    [Graded("training", 2)]
    [Specifies("Rule: the training step")]
    public void Training_step_moves_every_parameter_by_one_optimizer_step()
    {
        var start = NetworkReference.SmallClassifierParameters(seed: 73);

        var run = submission.Code.RunTrainSteps(start, Inputs, Labels, LearningRate, steps: 1);

        var expected = NetworkReference.TrainSteps(start, Inputs, Labels, LearningRate, steps: 1).Parameters;
        NetworkReference.LargestDifference(run.Parameters, start).Should().BeGreaterThan(1e-3,
            "a training step changes the parameters: backward() fills the gradients and optimizer.step() applies them");
        NetworkReference.LargestDifference(run.Parameters, expected).Should().BeLessThan(1e-5,
            "after one step of SGD every parameter is p − η·∂L/∂p");
    }

    [Fact]
    [Graded("training", 1)]
    [Specifies("Rule: the training step")]
    public void Training_step_starts_each_backward_pass_from_zero_gradients()
    {
        var start = NetworkReference.SmallClassifierParameters(seed: 74);

        var run = submission.Code.RunTrainSteps(start, Inputs, Labels, LearningRate, steps: 2);

        var expected = NetworkReference.TrainSteps(start, Inputs, Labels, LearningRate, steps: 2);
        run.Losses.Should().Equal(expected.Losses, (a, e) => Math.Abs(a - e) <= 1e-5f, "each step's loss is that of the parameters it starts from");
        NetworkReference.LargestDifference(run.Parameters, expected.Parameters).Should().BeLessThan(1e-5,
            "the second step uses only the second batch's gradient: backward() adds to .grad, so optimizer.zero_grad() must come before it");
    }
}
