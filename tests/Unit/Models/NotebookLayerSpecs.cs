using ConvSpec.Models;

namespace ConvSpec.Tests.Unit.Models;

/// <summary>The lab CNN follows the notebook's solution and its printed summary where the exercise's wording differs.</summary>
public sealed class NotebookLayerSpecs
{
    [Fact]
    [Specifies("Erratum E12")]
    public void The_third_convolution_feeds_flatten_without_a_relu_as_the_printed_summary_shows()
    {
        var printed = NotebookSummaryTable.Rows.Select(r => r.Layer).ToList();
        printed[printed.IndexOf("Conv2d-7") + 1].Should().Be("Flatten-8",
            "the notebook's summary has no ReLU after the third convolution, although its task says 'Convolution with 64 filters, 3 x 3 size and ReLU activation'");

        using var model = LabCnn.Create();
        var ours = ModelSummary.Of(model, 1, 28, 28).Rows.Select(r => r.Layer).ToList();
        ours[ours.IndexOf("Conv2d-7") + 1].Should().Be("Flatten-8", "ConvSpec's lab CNN follows the solution the notebook ran");
        ours.Count(l => l.StartsWith("ReLU", StringComparison.Ordinal)).Should().Be(3,
            "ReLUs follow the first two convolutions and the hidden dense layer only");
    }
}
