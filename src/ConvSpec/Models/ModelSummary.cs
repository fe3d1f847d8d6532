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

    /// <summary>The shape of one input sample, without the batch dimension: (1, 28, 28) for MNIST.</summary>
    public IReadOnlyList<long> InputShape { get; init; } = [];

    private const double Megabyte = 1024.0 * 1024.0;

    /// <summary>torchsummary's "Input size (MB)": one float32 input sample.</summary>
    public double InputSizeMegabytes => Product(InputShape) * 4 / Megabyte;

    /// <summary>
    /// torchsummary's "Forward/backward pass size (MB)": every layer's float32 output for one sample,
    /// counted twice because backward keeps a gradient of the same size.
    /// </summary>
    public double ForwardBackwardPassMegabytes => 2.0 * Rows.Sum(r => Product(r.OutputShape.Skip(1))) * 4 / Megabyte;

    /// <summary>torchsummary's "Params size (MB)": every parameter as float32.</summary>
    public double ParametersMegabytes => TotalParameters * 4 / Megabyte;

    /// <summary>torchsummary's "Estimated Total Size (MB)": the three above added.</summary>
    public double EstimatedTotalMegabytes => InputSizeMegabytes + ForwardBackwardPassMegabytes + ParametersMegabytes;

    private static double Product(IEnumerable<long> dims) => dims.Aggregate(1.0, (p, d) => p * d);

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
        return new ModelSummary(rows, total, trainable) { InputShape = inputShape };
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
        text.AppendLine(FormattableString.Invariant($"Input size (MB): {InputSizeMegabytes:0.00}"));
        text.AppendLine(FormattableString.Invariant($"Forward/backward pass size (MB): {ForwardBackwardPassMegabytes:0.00}"));
        text.AppendLine(FormattableString.Invariant($"Params size (MB): {ParametersMegabytes:0.00}"));
        text.AppendLine(FormattableString.Invariant($"Estimated Total Size (MB): {EstimatedTotalMegabytes:0.00}"));
        text.AppendLine(rule);
        return text.ToString();
    }
}
