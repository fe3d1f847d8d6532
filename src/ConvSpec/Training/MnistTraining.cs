using System.Runtime;
using ConvSpec.Mnist;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpec.Training;

/// <summary>
/// Seeded training on MNIST and evaluation on its test set, for either network. `convspec train` calls it, and so
/// does the lab's exercise 1 (<c>Lab/MnistExercise</c>), which adds what the report shows; the specs call
/// <see cref="Run(MnistData, TrainingOptions, IProgress{EpochProgress}?)"/> with data already loaded.
/// </summary>
public static class MnistTraining
{
    /// <summary>Obtains MNIST if needed, then trains and evaluates.</summary>
    public static async Task<TrainingReport> RunAsync(
        TrainingOptions options,
        IProgress<EpochProgress>? progress = null,
        IProgress<FetchProgress>? fetchProgress = null,
        IProgress<EvaluationProgress>? evaluationProgress = null,
        CancellationToken cancel = default)
    {
        var data = await MnistData.LoadAsync(options.DataDirectory, fetchProgress, cancel);
        return Run(data, options, progress, evaluationProgress);
    }

    /// <summary>Seeds torch and the shuffle with <see cref="TrainingOptions.Seed"/>, trains, evaluates on every test batch.</summary>
    public static TrainingReport Run(MnistData data, TrainingOptions options, IProgress<EpochProgress>? progress = null,
        IProgress<EvaluationProgress>? evaluationProgress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Epochs, 1, nameof(options.Epochs));
        if (options.BatchSize is int size) ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(options.BatchSize));
        var recipe = TrainingRecipe.For(options.Model);
        var batchSize = options.BatchSize ?? recipe.BatchSize;
        var device = torch.device(options.Device);
        random.manual_seed(options.Seed);
        using var shuffle = new Generator((ulong)options.Seed);
        using var model = recipe.CreateModel();
        model.to(device);
        using var train = new TensorSplit(data.Train, recipe.PixelScale, recipe.PixelOffset, device);
        using var test = new TensorSplit(data.Test, recipe.PixelScale, recipe.PixelOffset, device);
        ReleaseManagedCopies();
        var untrained = Evaluator.Evaluate(model, test, progress: evaluationProgress, phase: "untrained model on the test set");
        using var optimizer = recipe.CreateOptimizer(model.parameters());
        var trainer = new Trainer(model, optimizer, batchSize, shuffle);
        var epochs = new List<EpochResult>();
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var result = trainer.TrainEpoch(train, epoch, options.Epochs, progress);
            if (options.EvaluateEachEpoch && epoch < options.Epochs)
            {
                result = result with { Test = Evaluator.Evaluate(model, test, progress: evaluationProgress, phase: $"test set after epoch {epoch}") };
            }
            epochs.Add(result);
        }
        var evaluation = Evaluator.Evaluate(model, test, progress: evaluationProgress, phase: "trained model on the test set");
        if (options.EvaluateEachEpoch && epochs.Count > 0)
        {
            epochs[^1] = epochs[^1] with { Test = evaluation };
        }
        return new TrainingReport(options.Model, options.Seed, batchSize, options.Device, epochs, evaluation, untrained);
    }

    /// <summary>
    /// The IDX files' bytes are garbage once the splits are tensors, 100 MB or more of the large-object heap, which only a
    /// full collection frees and an epoch never triggers; collecting once here keeps them out of the training's peak
    /// memory (docs/performance.md). A caller that keeps its <see cref="MnistData"/> (the specs' shared fixture) keeps it.
    /// </summary>
    private static void ReleaseManagedCopies()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
