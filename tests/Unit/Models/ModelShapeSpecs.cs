using ConvSpec.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpec.Tests.Unit.Models;

/// <summary>
/// Output shapes and parameter counts of the two networks, each following from the valid-convolution
/// shape rule (H − K + 1), pooling's floor(H / 2), and k·k·c_in·c_out + c_out parameters per conv layer.
/// </summary>
[Specifies("Rule: model shapes")]
public sealed class ModelShapeSpecs
{
    [Fact]
    public void Lab_cnn_has_93322_parameters()
    {
        using var model = LabCnn.Create();
        model.parameters().Sum(p => p.numel()).Should().Be(93_322);
    }

    [Fact]
    public void LeNet5_has_44426_parameters()
    {
        using var model = new LeNet5();
        model.parameters().Sum(p => p.numel()).Should().Be(44_426);
    }

    [Fact]
    public void Lab_cnn_parameters_carry_pytorch_sequential_names()
    {
        using var model = LabCnn.Create();
        model.named_parameters().Select(p => $"{p.name} {string.Join('x', p.parameter.shape)}").Should().Equal(
            "0.weight 32x1x3x3", "0.bias 32",
            "3.weight 64x32x3x3", "3.bias 64",
            "6.weight 64x64x3x3", "6.bias 64",
            "8.weight 64x576", "8.bias 64",
            "10.weight 10x64", "10.bias 10");
    }

    [Fact]
    public void LeNet5_parameters_carry_the_ece285_names()
    {
        using var model = new LeNet5();
        model.named_parameters().Select(p => $"{p.name} {string.Join('x', p.parameter.shape)}").Should().Equal(
            "conv1.weight 6x1x5x5", "conv1.bias 6",
            "conv2.weight 16x6x5x5", "conv2.bias 16",
            "fc1.weight 120x256", "fc1.bias 120",
            "fc2.weight 84x120", "fc2.bias 84",
            "fc3.weight 10x84", "fc3.bias 10");
    }

    [Theory]
    [InlineData(1, "[-1, 32, 26, 26]")] // 28 − 3 + 1
    [InlineData(3, "[-1, 32, 13, 13]")] // floor(26 / 2)
    [InlineData(4, "[-1, 64, 11, 11]")]
    [InlineData(6, "[-1, 64, 5, 5]")] // floor(11 / 2)
    [InlineData(7, "[-1, 64, 3, 3]")]
    [InlineData(8, "[-1, 576]")] // 64 · 3 · 3
    [InlineData(11, "[-1, 10]")]
    public void Lab_cnn_layer_output_shapes(int layer, string shape)
    {
        using var model = LabCnn.Create();
        ModelSummary.Of(model, 1, 28, 28).Rows[layer - 1].ShapeText.Should().Be(shape);
    }

    [Theory]
    [InlineData(1, "[-1, 6, 24, 24]")] // 28 − 5 + 1
    [InlineData(3, "[-1, 6, 12, 12]")]
    [InlineData(4, "[-1, 16, 8, 8]")]
    [InlineData(6, "[-1, 16, 4, 4]")]
    [InlineData(7, "[-1, 256]")] // 16 · 4 · 4
    [InlineData(12, "[-1, 10]")]
    public void LeNet5_layer_output_shapes(int layer, string shape)
    {
        using var model = new LeNet5();
        ModelSummary.Of(model, 1, 28, 28).Rows[layer - 1].ShapeText.Should().Be(shape);
    }

    [Fact]
    public void Both_networks_map_a_batch_of_images_to_ten_scores_each()
    {
        using var scope = NewDisposeScope();
        var batch = rand(5, 1, 28, 28);
        using var lab = LabCnn.Create();
        using var lenet = new LeNet5();

        lab.call(batch).shape.Should().Equal(5, 10);
        lenet.call(batch).shape.Should().Equal(5, 10);
    }
}
