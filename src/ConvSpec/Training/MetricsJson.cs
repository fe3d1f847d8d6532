using System.Text.Json;

namespace ConvSpec.Training;

/// <summary>Writes a training report as flat snake_case JSON: test_accuracy, test_loss, train_accuracy, epoch_seconds, …</summary>
public static class MetricsJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Serialize(TrainingReport report)
    {
        var last = report.Epochs.Count > 0 ? report.Epochs[^1] : null;
        var metrics = new Dictionary<string, object?>
        {
            ["model"] = report.Model.ToString(),
            ["seed"] = report.Seed,
            ["batch_size"] = report.BatchSize,
            ["device"] = report.Device,
            ["epochs"] = report.Epochs.Count,
            ["test_accuracy"] = report.Test.Accuracy,
            ["test_loss"] = report.Test.Loss,
            ["test_samples"] = report.Test.Samples,
            ["train_accuracy"] = last?.TrainAccuracy,
            ["train_loss"] = last?.TrainLoss,
            ["untrained_test_accuracy"] = report.Untrained.Accuracy,
            ["epoch_seconds"] = report.Epochs.Select(e => e.Seconds).ToArray(),
            ["epoch_train_loss"] = report.Epochs.Select(e => e.TrainLoss).ToArray(),
            ["malloc_tuned"] = MallocTuning.Active,
        };
        return JsonSerializer.Serialize(metrics, Indented);
    }
}
