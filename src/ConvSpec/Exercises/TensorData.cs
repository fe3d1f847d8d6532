using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpec.Exercises;

/// <summary>A float32 tensor as it crosses the process boundary: its shape and its values in C (row-major) order.</summary>
public sealed record TensorData(long[] Shape, float[] Values)
{
    public static TensorData From(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var values = tensor.detach().to(ScalarType.Float32).cpu().contiguous();
        return new TensorData(values.shape, values.data<float>().ToArray());
    }

    public Tensor ToTensor()
    {
        long count = Shape.Aggregate(1L, (product, length) => product * length);
        if (Shape.Any(length => length < 0) || count != Values.Length)
            throw new ArgumentException($"shape [{string.Join(", ", Shape)}] does not hold {Values.Length} values.");
        return tensor(Values, Shape);
    }
}

/// <summary>A named parameter, as <c>named_parameters()</c> names it ("0.weight", "8.bias", …).</summary>
public sealed record NamedTensor(string Name, TensorData Value)
{
    public static IReadOnlyList<NamedTensor> ParametersOf(nn.Module module) =>
        module.named_parameters().Select(p => new NamedTensor(p.name, TensorData.From(p.parameter))).ToList();
}

/// <summary>What a submission's lab CNN is and does: its parameters by name, and its scores for a batch.</summary>
public sealed record ModelRun(IReadOnlyList<NamedTensor> Parameters, TensorData Output);

/// <summary>The loss each training step returned, and the parameters after the last step.</summary>
public sealed record TrainingRun(IReadOnlyList<float> Losses, IReadOnlyList<NamedTensor> Parameters);
