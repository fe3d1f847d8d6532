namespace ConvSpec.Tests.Graded;

public class LabCnnGradedSpecs(ExerciseCodeFixture submission, ExerciseSummary summary) : GradedSpecs(summary)
{
    private const int Seed = 3;

    /// <summary>
    /// The lab CNN's parameters, "name shape" each, in order: 93,322 numbers in all. The shapes are those of the
    /// notebook's printed summary; the names are the places nn.Sequential gives the layers that hold them.
    /// </summary>
    private static readonly string[] LabCnnParameters =
    [
        "0.weight [32, 1, 3, 3]", "0.bias [32]",
        "3.weight [64, 32, 3, 3]", "3.bias [64]",
        "6.weight [64, 64, 3, 3]", "6.bias [64]",
        "8.weight [64, 576]", "8.bias [64]",
        "10.weight [10, 64]", "10.bias [10]",
    ];

    [Fact]
    [Graded("cnn", 2)]
    [Specifies("Rule: model shapes")]
    public void Lab_cnn_has_the_notebooks_layers_and_93322_parameters()
    {
        var run = submission.Code.RunLabCnn(Seed, SpecInputs.Images(2, seed: 61));

        run.Parameters.Select(Agreement.Describe).Should().Equal(LabCnnParameters,
            "the notebook's summary lists conv 1→32, conv 32→64, conv 64→64 (3×3 each), linear 576→64 and linear 64→10, named by their place in nn.Sequential");
        run.Parameters.Sum(p => p.Value.Values.Length).Should().Be(93_322, "that is the notebook's parameter count");
    }

    [Fact]
    [Graded("cnn", 1)]
    [Specifies("Eq. 9")]
    public void Lab_cnn_gives_ten_scores_per_image()
    {
        var run = submission.Code.RunLabCnn(Seed, SpecInputs.Images(3, seed: 62));

        run.Output.Shape.Should().Equal([3, 10], "a batch of 3 images of 1×28×28 (NCHW) gets one score per digit class for each image");
    }
}
