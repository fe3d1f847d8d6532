using ConvSpec.Models;

namespace ConvSpec.Tests.Unit.Models;

/// <summary>The summary of the lab CNN, row by row against the table the notebook printed.</summary>
[Specifies("Rule: model shapes")]
public sealed class ModelSummarySpecs
{
    [Fact]
    public void Lab_cnn_summary_matches_the_notebook_table_row_by_row()
    {
        using var model = LabCnn.Create();
        var ours = ModelSummary.Of(model, 1, 28, 28).Rows.Select(r => new NotebookSummaryTable.Row(r.Layer, r.ShapeText, r.Parameters));

        NotebookSummaryTable.Rows.Should().HaveCount(11, "the notebook's table has eleven layer rows");
        ours.Should().Equal(NotebookSummaryTable.Rows);
    }

    [Fact]
    public void Lab_cnn_summary_totals_match_the_notebook()
    {
        using var model = LabCnn.Create();
        var summary = ModelSummary.Of(model, 1, 28, 28);

        summary.TotalParameters.Should().Be(NotebookSummaryTable.Total("Total"));
        summary.TrainableParameters.Should().Be(NotebookSummaryTable.Total("Trainable"));
        summary.NonTrainableParameters.Should().Be(NotebookSummaryTable.Total("Non-trainable"));
    }

    [Fact]
    public void Printed_table_has_torchsummary_rows_and_totals()
    {
        using var model = LabCnn.Create();
        var text = ModelSummary.Of(model, 1, 28, 28).ToString();

        text.Should().MatchRegex(@"\n\s+Conv2d-1\s+\[-1, 32, 26, 26\]\s+320\n");
        text.Should().MatchRegex(@"\n\s+Linear-9\s+\[-1, 64\]\s+36,928\n");
        text.Should().Contain("Total params: 93,322").And.Contain("Non-trainable params: 0");
    }
}
