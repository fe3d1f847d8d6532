using System.Diagnostics;
using System.Text.Json;
using ConvSpec.Mnist;
using ConvSpec.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ConvSpec.Benchmarks.Profile;

/// <summary>
/// One epoch of the lab CNN twice in one process, each from a freshly seeded model: first as
/// <see cref="Trainer.TrainEpoch"/> runs it (wall and CPU time, GC and managed allocation), then layer by
/// layer (<see cref="LayeredStep"/>) with a timer around every layer's forward, backward and optimiser
/// step. Both are evaluated on the test set, so the profiled run shows that it trained the same network.
/// Prints one JSON object in the schema that benchmarks/peer/profile_epoch.py prints for PyTorch.
/// </summary>
public static class EpochProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        MallocTuning.Apply();
        NnpackSwitch.OffWhereUnsupported();
        var threads = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2;
        set_num_threads(threads);
        var data = await MnistData.LoadAsync();
        var recipe = TrainingRecipe.LabCnn;
        using var train = new TensorSplit(data.Train, recipe.PixelScale, recipe.PixelOffset, CPU);
        using var test = new TensorSplit(data.Test, recipe.PixelScale, recipe.PixelOffset, CPU);

        // "plain" as the second argument skips the layered epoch (quick A/B runs of settings).
        var plain = PlainEpoch(recipe, train, test);
        var layered = args.Length > 1 && args[1] == "plain" ? new Dictionary<string, object>() : LayeredEpoch(recipe, train, test);

        var report = new Dictionary<string, object>
        {
            ["who"] = "convspec",
            ["threads"] = get_num_threads(),
            ["interop_threads"] = get_num_interop_threads(),
            ["plain"] = plain,
            ["layered"] = layered,
        };
        Console.WriteLine(JsonSerializer.Serialize(report));
        return 0;
    }

    private static Dictionary<string, object> PlainEpoch(TrainingRecipe recipe, TensorSplit train, TensorSplit test)
    {
        random.manual_seed(0);
        using var shuffle = new Generator(0);
        using var model = recipe.CreateModel();
        if (Environment.GetEnvironmentVariable("CONVSPEC_PROFILE_CHANNELS_LAST") == "1") ChannelsLast.ApplyToConvolutions(model);
        using var optimizer = recipe.CreateOptimizer(model.parameters());
        var trainer = new Trainer(model, optimizer, recipe.BatchSize, shuffle);
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var pause = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = trainer.TrainEpoch(train, 1, 1);
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var gc = new Dictionary<string, object>
        {
            ["gen0"] = GC.CollectionCount(0) - gen0,
            ["gen1"] = GC.CollectionCount(1) - gen1,
            ["gen2"] = GC.CollectionCount(2) - gen2,
            ["allocated_mib"] = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0,
            ["pause_seconds"] = (GC.GetTotalPauseDuration() - pause).TotalSeconds,
        };
        var clock = Stopwatch.StartNew();
        var evaluation = Evaluator.Evaluate(model, test);
        return new Dictionary<string, object>
        {
            ["epoch_seconds"] = result.Seconds,
            ["cpu_seconds"] = cpuSeconds,
            ["gc"] = gc,
            ["eval_seconds"] = clock.Elapsed.TotalSeconds,
            ["test_accuracy"] = evaluation.Accuracy,
        };
    }

    private static Dictionary<string, object> LayeredEpoch(TrainingRecipe recipe, TensorSplit train, TensorSplit test)
    {
        random.manual_seed(0);
        using var shuffle = new Generator(0);
        using var model = recipe.CreateModel();
        var step = new LayeredStep(model, recipe);
        model.train();
        var clock = Stopwatch.StartNew();
        var batchSize = recipe.BatchSize;
        using var order = randperm(train.Count, generator: shuffle);
        for (long start = 0; start < train.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var t = Stopwatch.GetTimestamp();
            var indices = order.narrow(0, start, Math.Min(batchSize, train.Count - start));
            var x = train.Inputs.index_select(0, indices);
            var y = train.Labels.index_select(0, indices);
            step.Times.BatchPreparation += Stopwatch.GetElapsedTime(t).TotalSeconds;
            step.Run(x, y);
        }
        var epochSeconds = clock.Elapsed.TotalSeconds;
        var evaluation = Evaluator.Evaluate(model, test);
        step.Dispose();
        return new Dictionary<string, object>
        {
            ["epoch_seconds"] = epochSeconds,
            ["test_accuracy"] = evaluation.Accuracy,
            ["batch_preparation"] = step.Times.BatchPreparation,
            ["loss_forward"] = step.Times.LossForward,
            ["loss_backward"] = step.Times.LossBackward,
            ["zero_grad"] = step.Times.ZeroGrad,
            ["read_loss_and_accuracy"] = step.Times.Readout,
            ["layers"] = step.Times.Layers.Select(l => new Dictionary<string, object>
            {
                ["layer"] = l.Name,
                ["forward"] = l.Forward,
                ["backward"] = l.Backward,
                ["step"] = l.Step,
            }).ToList(),
        };
    }
}
