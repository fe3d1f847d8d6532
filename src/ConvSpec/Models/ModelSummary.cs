using System.Text;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ConvSpec.Models;

/// <summary>
/// A torchsummary-like table of a model's layers: each layer named by its type and its position
/// (1-based, in forward order), its output shape for a given input, and its parameter count.
/// </summary>
public sealed record ModelSummary(IReadOnlyList<SummaryRow> Rows, long TotalParameters, long TrainableParameters)
{
    public long NonTrainableParameters => TotalParameters - TrainableParameters;

    /// <summary>Runs a batch of two zero inputs of shape <paramref name="inputShape"/> through the layers in order.</summary>
    public static ModelSummary Of(nn.Module<Tensor, Tensor> model, params long[] inputShape)
    {
        var rows = new List<SummaryRow>();
        using (no_grad())
        using (NewDisposeScope())
        {
            var x = zeros([2, .. inputShape]);
            var index = 1;
            foreach (var layer in LayersOf(model))
            {
                x = layer.call(x);
                var count = layer.parameters().Sum(p => p.numel());
                rows.Add(new SummaryRow($"{layer.GetType().Name}-{index++}", x.shape, count));
            }
        }
        var total = model.parameters().Sum(p => p.numel());
        var trainable = model.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
        return new ModelSummary(rows, total, trainable);
    }

    /// <summary>The layers a forward pass applies, in order: a Sequential's children or LeNet-5's list.</summary>
    public static IEnumerable<nn.Module<Tensor, Tensor>> LayersOf(nn.Module<Tensor, Tensor> model) => model switch
    {
        Sequential sequential => sequential.children().Cast<nn.Module<Tensor, Tensor>>(),
        LeNet5 lenet => lenet.Layers.Select(l => l.Layer),
        _ => throw new ArgumentException($"No layer order known for {model.GetType().Name}.", nameof(model)),
    };

    /// <summary>The table in torchsummary's layout.</summary>
    public override string ToString()
    {
        var rule = new string('-', 64);
        var text = new StringBuilder();
        text.AppendLine(rule);
        text.AppendLine($"{"Layer (type)",20}  {"Output Shape",25} {"Param #",15}");
        text.AppendLine(new string('=', 64));
        foreach (var row in Rows)
        {
            text.AppendLine($"{row.Layer,20}  {row.ShapeText,25} {row.Parameters,15:N0}");
        }
        text.AppendLine(new string('=', 64));
        text.AppendLine($"Total params: {TotalParameters:N0}");
        text.AppendLine($"Trainable params: {TrainableParameters:N0}");
        text.AppendLine($"Non-trainable params: {NonTrainableParameters:N0}");
        text.AppendLine(rule);
        return text.ToString();
    }
}
