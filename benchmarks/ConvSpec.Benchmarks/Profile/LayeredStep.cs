using System.Diagnostics;
using ConvSpec.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpec.Benchmarks.Profile;

/// <summary>
/// The training step of <see cref="Trainer.TrainStep"/> cut at every layer so that each piece can be timed.
/// Each layer's input is the previous output detached and marked as needing a gradient, so autograd
/// stops at every layer boundary; backward then runs one layer at a time from the loss down, each fed the
/// gradient the layer above left on its input. Every layer with parameters has an optimiser of its own
/// (the recipe's, over that layer's parameters only): RMSprop's state is per parameter, so this computes the
/// same update as one optimiser over all of them. The extra cost is one autograd call per layer.
/// </summary>
public sealed class LayeredStep : IDisposable
{
    private readonly List<(string Name, nn.Module<Tensor, Tensor> Module, optim.Optimizer? Optimizer)> _layers = [];

    public LayeredStep(nn.Module<Tensor, Tensor> model, TrainingRecipe recipe)
    {
        foreach (var (name, child) in model.named_children())
        {
            var layer = (nn.Module<Tensor, Tensor>)child;
            var parameters = layer.parameters().ToList();
            _layers.Add(($"{name} {child.GetType().Name}", layer, parameters.Count > 0 ? recipe.CreateOptimizer(parameters) : null));
        }
        Times = new StepTimes(_layers.Select(l => new LayerTimes(l.Name)).ToList());
    }

    public StepTimes Times { get; }

    public long Correct { get; private set; }

    public double LossSum { get; private set; }

    public void Run(Tensor x, Tensor y)
    {
        var inputs = new Tensor[_layers.Count];
        var outputs = new Tensor[_layers.Count];
        var current = x;
        for (var i = 0; i < _layers.Count; i++)
        {
            inputs[i] = i == 0 ? current : current.detach().requires_grad_();
            var t = Stopwatch.GetTimestamp();
            outputs[i] = _layers[i].Module.call(inputs[i]);
            Times.Layers[i].Forward += Seconds(t);
            current = outputs[i];
        }
        var t0 = Stopwatch.GetTimestamp();
        var logits = current.detach().requires_grad_();
        var loss = nn.functional.cross_entropy(logits, y);
        Times.LossForward += Seconds(t0);

        t0 = Stopwatch.GetTimestamp();
        foreach (var layer in _layers) layer.Optimizer?.zero_grad();
        Times.ZeroGrad += Seconds(t0);

        t0 = Stopwatch.GetTimestamp();
        loss.backward();
        Times.LossBackward += Seconds(t0);
        for (var i = _layers.Count - 1; i >= 0; i--)
        {
            var t = Stopwatch.GetTimestamp();
            var above = i + 1 < _layers.Count ? inputs[i + 1] : logits;
            outputs[i].backward([above.grad ?? throw new InvalidOperationException($"no gradient above layer {i}")]);
            Times.Layers[i].Backward += Seconds(t);
        }
        for (var i = 0; i < _layers.Count; i++)
        {
            if (_layers[i].Optimizer is not { } optimizer) continue;
            var t = Stopwatch.GetTimestamp();
            optimizer.step();
            Times.Layers[i].Step += Seconds(t);
        }
        t0 = Stopwatch.GetTimestamp();
        LossSum += loss.item<float>() * x.shape[0];
        Correct += current.argmax(1).eq(y).sum().item<long>();
        Times.Readout += Seconds(t0);
    }

    public void Dispose()
    {
        foreach (var layer in _layers) layer.Optimizer?.Dispose();
    }

    private static double Seconds(long start) => Stopwatch.GetElapsedTime(start).TotalSeconds;
}
