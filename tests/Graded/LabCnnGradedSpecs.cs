namespace ConvSpec.Tests.Graded;

public class LabCnnGradedSpecs(ExerciseCodeFixture submission)
{
    private const int Seed = 3;

    [Fact]
    [Graded("cnn", 2)]
    [Specifies("Rule: model shapes")]
    public void Lab_cnn_has_the_notebooks_layers_and_93322_parameters()
    {
        var run = submission.Code.RunLabCnn(Seed, NetworkReference.Images(2, seed: 61));

        run.Parameters.Select(NetworkReference.Describe).Should().Equal(NetworkReference.LabCnnParameters,
            "the notebook's layers are conv 1→32, conv 32→64, conv 64→64 (3×3 each), linear 576→64 and linear 64→10, named by their place in nn.Sequential");
        run.Parameters.Sum(p => p.Value.Values.Length).Should().Be(93_322, "that is the notebook's parameter count");
    }

    [Fact]
    [Graded("cnn", 1)]
    [Specifies("Eq. 9")]
    public void Lab_cnn_gives_ten_scores_per_image()
    {
        var run = submission.Code.RunLabCnn(Seed, NetworkReference.Images(3, seed: 62));

        run.Output.Shape.Should().Equal([3, 10], "a batch of 3 images of 1×28×28 (NCHW) gets one score per digit class for each image");
    }

    [Fact]
    [Graded("cnn", 2)]
    [Specifies("Eq. 9")]
    public void Lab_cnn_applies_relu_and_pooling_where_the_notebook_does()
    {
        var images = NetworkReference.Images(4, seed: 63);
        var run = submission.Code.RunLabCnn(Seed, images);
        run.Parameters.Select(NetworkReference.Describe).Should().Equal(NetworkReference.LabCnnParameters,
            "the forward pass can be compared only when the layers hold the notebook's parameters");

        float[] expected = NetworkReference.LabCnnScores(run.Parameters, images);

        run.Output.Values.Should().Equal(expected, NetworkReference.SameScore,
            "with its own weights in the notebook's layer order (conv, ReLU, pool, conv, ReLU, pool, conv, flatten, linear, ReLU, linear) the network gives these scores");
    }
}
