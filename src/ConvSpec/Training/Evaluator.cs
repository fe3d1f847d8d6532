using static TorchSharp.torch;

namespace ConvSpec.Training;

/// <summary>
/// Evaluates a model on every batch of a split (the lab notebook's erratum skipped nine in ten). The
/// default batch of 250 keeps the largest activation (250×32×26×26 floats, 21.6 MB) under the
/// malloc mmap threshold, so evaluation reuses the heap instead of mapping fresh pages.
/// </summary>
public static class Evaluator
{
    public static Evaluation Evaluate(nn.Module<Tensor, Tensor> model, TensorSplit split, int batchSize = 250,
        IProgress<EvaluationProgress>? progress = null, string phase = "evaluation")
    {
        model.eval();
        double lossSum = 0;
        long correct = 0;
        long samples = 0;
        var labelCounts = new long[10];
        var confusion = new long[10, 10];
        var predictions = new byte[split.Count];
        using (no_grad())
        {
            for (long start = 0; start < split.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var length = Math.Min(batchSize, split.Count - start);
                var x = split.Inputs.narrow(0, start, length);
                var y = split.Labels.narrow(0, start, length);
                var logits = model.call(x);
                var predicted = logits.argmax(1);
                lossSum += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum).cpu().item<float>();
                correct += predicted.eq(y).sum().cpu().item<long>();
                samples += length;
                var counts = bincount(y.cpu(), minlength: 10).data<long>().ToArray();
                for (var i = 0; i < labelCounts.Length; i++)
                {
                    labelCounts[i] += counts[i];
                }
                var labels = y.cpu().data<long>().ToArray();
                var guesses = predicted.cpu().data<long>().ToArray();
                for (var n = 0; n < length; n++)
                {
                    confusion[labels[n], guesses[n]]++;
                    predictions[start + n] = (byte)guesses[n];
                }
                progress?.Report(new EvaluationProgress(phase, samples, split.Count));
            }
        }
        return new Evaluation(lossSum / samples, (double)correct / samples, samples, labelCounts, confusion, predictions);
    }
}
