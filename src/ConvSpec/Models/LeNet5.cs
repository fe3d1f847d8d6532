using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ConvSpec.Models;

/// <summary>
/// ECE285's LeNet-5 for 28×28 inputs: conv1(1→6, 5×5), ReLU, max-pool 2, conv2(6→16, 5×5), ReLU,
/// max-pool 2, flatten (256), fc1(256→120), ReLU, fc2(120→84), ReLU, fc3(84→10). 44,426 parameters.
/// Activations and pooling are registered as modules too (relu1, pool1, …) so a summary can see them;
/// they hold no parameters, so the parameter names stay PyTorch's conv1.weight … fc3.bias.
/// </summary>
public sealed class LeNet5 : nn.Module<Tensor, Tensor>
{
    /// <summary>Which LeNet-5 this is, and why its count differs from the one d2l.ai prints.</summary>
    public const string Variant =
        "ECE285's LeNet-5: conv1 has no padding, so 28 → 24 → 12 → 8 → 4 and fc1 reads 16·4·4 = 256 inputs: 44,426 parameters. " +
        "d2l.ai's LeNet pads conv1 by 2 (28 → 28 → 14 → 10 → 5), so its fc1 reads 16·5·5 = 400 inputs: (400 − 256)·120 = 17,280 more weights, " +
        "61,706 parameters. Its sigmoid and average pooling (ours: ReLU and max pooling) hold no parameters.";

    private readonly Conv2d conv1 = nn.Conv2d(1, 6, kernel_size: 5);
    private readonly ReLU relu1 = nn.ReLU();
    private readonly MaxPool2d pool1 = nn.MaxPool2d(kernel_size: 2);
    private readonly Conv2d conv2 = nn.Conv2d(6, 16, kernel_size: 5);
    private readonly ReLU relu2 = nn.ReLU();
    private readonly MaxPool2d pool2 = nn.MaxPool2d(kernel_size: 2);
    private readonly Flatten flatten = nn.Flatten();
    private readonly Linear fc1 = nn.Linear(256, 120);
    private readonly ReLU relu3 = nn.ReLU();
    private readonly Linear fc2 = nn.Linear(120, 84);
    private readonly ReLU relu4 = nn.ReLU();
    private readonly Linear fc3 = nn.Linear(84, 10);

    public LeNet5() : base(nameof(LeNet5)) => RegisterComponents();

    /// <summary>The layers in the order forward applies them, for summaries.</summary>
    public IEnumerable<(string Name, nn.Module<Tensor, Tensor> Layer)> Layers =>
    [
        (nameof(conv1), conv1), (nameof(relu1), relu1), (nameof(pool1), pool1),
        (nameof(conv2), conv2), (nameof(relu2), relu2), (nameof(pool2), pool2),
        (nameof(flatten), flatten),
        (nameof(fc1), fc1), (nameof(relu3), relu3),
        (nameof(fc2), fc2), (nameof(relu4), relu4),
        (nameof(fc3), fc3),
    ];

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        foreach (var (_, layer) in Layers)
        {
            x = layer.call(x);
        }
        return x.MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var (_, layer) in Layers)
            {
                layer.Dispose();
            }
        }
        base.Dispose(disposing);
    }
}
