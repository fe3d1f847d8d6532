using System.Text.Json;
using ConvSpec.Grading.Grade.Reports;
using ConvSpec.Grading.Grade.Results;

namespace ConvSpec.Tests.Grading.Reports;

public class ReportTextSpecs
{
    [Theory]
    [Specifies("Rule: results.json follows Gradescope's format")]
    [InlineData("ConvSpec.Tests.Graded.ConvolutionGradedSpecs.Output_has_the_valid_size", "output has the valid size")]
    [InlineData("ConvSpec.Tests.Graded.GradientGradedSpecs.Kernel_gradient_is_the_correlation_of_the_image_with_dL_dY", "kernel gradient is the correlation of the image with dL/dY")]
    [InlineData("ConvSpec.Tests.Graded.SobelGradedSpecs.G_y_is_the_transpose_of_G_x", "G_y is the transpose of G_x")]
    [InlineData("ConvSpec.Tests.Graded.LabCnnGradedSpecs.Lab_cnn_has_the_notebooks_layers_and_93322_parameters", "lab CNN has the notebook's layers and 93,322 parameters")]
    [InlineData("ConvSpec.Tests.Graded.BorderBoundsGradedSpecs.Zero_based_bounds_follow_the_table", "zero-based bounds follow the table")]
    [InlineData("ConvSpec.Tests.Graded.ConvolutionGradedSpecs.Y_at_a_position_sums_the_window_times_the_kernel", "Y at a position sums the window times the kernel")]
    [InlineData("ConvSpec.Tests.Graded.SobelGradedSpecs.A_flat_image_has_no_edges", "a flat image has no edges")]
    public void A_spec_is_named_by_a_sentence_made_from_its_method_name(string method, string sentence)
    {
        SpecTitles.Sentence(method).Should().Be(sentence);
    }

    [Theory]
    [Specifies("Rule: results.json follows Gradescope's format")]
    [InlineData("hidden")]
    [InlineData("after_due_date")]
    [InlineData("after_published")]
    [InlineData("visible")]
    public void Hidden_specs_get_the_visibility_asked_for_and_visible_ones_stay_visible(string visibility)
    {
        var shown = new GradedSpec("Graded.A.Shown_spec", "convolution", 2, "Eq. 1", Hidden: false);
        var hidden = new GradedSpec("Graded.Hidden.B.Secret_spec", "convolution", 1, "Eq. 1", Hidden: true);
        var layout = new ReportLayout([hidden, shown], ["convolution"], ["Equation 1: valid convolution"]);
        var student = new StudentResult("alice", [], [], [new SpecVerdict(shown, true, ""), new SpecVerdict(hidden, false, "secret input 3×4", 1)], [], 1.2);

        using var json = JsonDocument.Parse(GradescopeJson.Make(student, layout, ReportSettings.Parse(visibility)));
        var tests = json.RootElement.GetProperty("tests").EnumerateArray().ToList();

        tests.Select(t => (t.GetProperty("name").GetString(), t.GetProperty("number").GetString(), t.GetProperty("visibility").GetString())).Should().Equal(
            ("Exercise 1 · convolution: shown spec", "1.1", "visible"),
            ("Exercise 1 · convolution: hidden spec 1, checks Eq. 1", "1.2", visibility));
        tests[1].GetProperty("output").GetString().Should().NotContain("3×4", "a hidden spec shows only the equation it checks");
        Gradescope.GradescopeSchema.Problems(json.RootElement.GetRawText()).Should().BeEmpty();
    }

    [Fact]
    [Specifies("Rule: results.json follows Gradescope's format")]
    public void An_unknown_visibility_is_refused()
    {
        var parse = () => ReportSettings.Parse("later");

        parse.Should().Throw<ArgumentException>().WithMessage("'later' is not a visibility; use one of hidden, after_due_date, after_published, visible.*");
    }
}
