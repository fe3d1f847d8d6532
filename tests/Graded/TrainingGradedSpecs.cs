namespace ConvSpec.Tests.Graded;

/// <summary>
/// Trainer.TrainStep on a small classifier (built outside the exercise regions, so the CNN's mistakes cost
/// nothing here), checked with TorchSharp's cross_entropy and what any training step must do.
/// </summary>
public class TrainingGradedSpecs(ExerciseCodeFixture submission, ExerciseSummary summary) : GradedSpecs(summary)
{
    // The batch every training spec trains on, the hidden ones included.
    internal const double LearningRate = 0.5;

    internal static readonly long[] Labels = [0, 1, 2, 1, 0, 2, 2, 1];

    internal static readonly ConvSpec.Exercises.TensorData Inputs = SpecInputs.Uniform([8, 6], seed: 71);

    [Fact]
    [Graded("training", 1)]
    [Specifies("Rule: the training step")]
    public void Training_step_returns_the_cross_entropy_of_the_scores_before_the_update()
    {
        var start = SpecInputs.SmallClassifierParameters(seed: 72);

        var run = submission.Code.RunTrainSteps(start, Inputs, Labels, LearningRate, steps: 1);

        run.Losses.Should().ContainSingle().Which.Should().BeApproximately(TorchOps.CrossEntropy(start, Inputs, Labels), 1e-5f,
            "the loss is the mean cross-entropy of the raw scores and the labels, computed before the optimiser changes anything");
    }

    [Fact]
    [Graded("training", 1)]
    [Specifies("Rule: the training step")]
    public void Training_step_changes_the_parameters_and_lowers_the_loss_of_its_batch()
    {
        var start = SpecInputs.SmallClassifierParameters(seed: 73);

        var run = submission.Code.RunTrainSteps(start, Inputs, Labels, LearningRate, steps: 1);

        Agreement.LargestDifference(run.Parameters, start).Should().BeGreaterThan(1e-3,
            "a training step changes the parameters: backward() fills the gradients and optimizer.step() applies them");
        TorchOps.CrossEntropy(run.Parameters, Inputs, Labels).Should().BeLessThan(TorchOps.CrossEntropy(start, Inputs, Labels),
            "a step against the gradient lowers the loss of the batch it was computed on");
    }
}
