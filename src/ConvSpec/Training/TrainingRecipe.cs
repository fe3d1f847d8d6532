using ConvSpec.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpec.Training;

/// <summary>
/// What differs between the two networks: the model, its optimiser, its batch size and how raw
/// pixel bytes become inputs.
/// </summary>
public sealed record TrainingRecipe(
    ModelKind Kind,
    Func<nn.Module<Tensor, Tensor>> CreateModel,
    Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer> CreateOptimizer,
    int BatchSize,
    float PixelScale,
    float PixelOffset)
{
    /// <summary>Lab CNN: RMSprop(lr 1e-3, weight decay 1e-5), batch 64, inputs byte/255 in [0, 1].</summary>
    public static TrainingRecipe LabCnn { get; } = new(
        ModelKind.LabCnn,
        Models.LabCnn.Create,
        p => optim.RMSProp(p, lr: 1e-3, weight_decay: 1e-5),
        BatchSize: 64,
        PixelScale: 1f / 255f,
        PixelOffset: 0f);

    /// <summary>LeNet-5: SGD(lr 1e-3, momentum 0.9), batch 100, inputs byte/127.5 − 1 in [−1, 1].</summary>
    public static TrainingRecipe LeNet { get; } = new(
        ModelKind.LeNet,
        () => new LeNet5(),
        p => optim.SGD(p, learningRate: 1e-3, momentum: 0.9),
        BatchSize: 100,
        PixelScale: 1f / 127.5f,
        PixelOffset: -1f);

    public static TrainingRecipe For(ModelKind kind) => kind switch
    {
        ModelKind.LabCnn => LabCnn,
        ModelKind.LeNet => LeNet,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
