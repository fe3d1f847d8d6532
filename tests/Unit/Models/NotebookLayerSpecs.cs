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

    [Fact]
    [Specifies("Rule: model shapes")]
    public void Lab_cnn_layers_are_named_0_to_10_as_in_a_pytorch_sequential()
    {
        using var model = LabCnn.Create();
        model.named_children().Select(c => c.name).Should().Equal(Enumerable.Range(0, 11).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "nn.Sequential numbers its layers 0..10, the parameterless ReLU, pooling and flatten included");
    }

    [Fact]
    [Specifies("Rule: model shapes")]
    public void Printed_summary_has_torchsummarys_header_rules_and_all_three_totals()
    {
        using var model = LabCnn.Create();
        string[] lines = ModelSummary.Of(model, 1, 28, 28).ToString().Split(Environment.NewLine);
        lines[0].Should().Be(new string('-', 64));
        lines[1].Should().MatchRegex(@"^\s+Layer \(type\)\s+Output Shape\s+Param #$");
        lines[2].Should().Be(new string('=', 64));
        lines[14].Should().Be(new string('=', 64), "eleven layer rows follow the header");
        lines[15..19].Should().Equal("Total params: 93,322", "Trainable params: 93,322", "Non-trainable params: 0", new string('-', 64));
    }
}
