using ConvSpec.Models;

namespace ConvSpec.Tests.Unit.Models;

/// <summary>torchsummary's size lines under the table, against the ones the notebook printed for the lab CNN.</summary>
public sealed class ModelSummarySizeSpecs
{
    [Theory]
    [InlineData("Input size")]
    [InlineData("Forward/backward pass size")]
    [InlineData("Params size")]
    [InlineData("Estimated Total Size")]
    [Specifies("Rule: model shapes")]
    public void Lab_cnn_size_lines_match_the_notebooks_torchsummary_output(string label)
    {
        using var model = LabCnn.Create();
        var text = ModelSummary.Of(model, 1, 28, 28).ToString();

        NotebookSummaryTable.Size(label).Should().NotBeEmpty($"the notebook printed a \"{label} (MB)\" line");
        text.Should().Contain($"{label} (MB): {NotebookSummaryTable.Size(label)}\n",
            "torchsummary counts float32 bytes of one input, of every layer's output twice (forward and backward), and of the parameters");
    }
}
