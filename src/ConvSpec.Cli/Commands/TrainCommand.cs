using System.CommandLine;
using ConvSpec.Cli.Progress;
using ConvSpec.IO;
using ConvSpec.Mnist;
using ConvSpec.Training;

namespace ConvSpec.Cli.Commands;

/// <summary>`convspec train --model labcnn|lenet --epochs N --seed S [--batch-size B] [--device cpu|cuda] [--data DIR] [--metrics OUT.json]`.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "labcnn (the lab's CNN) or lenet (LeNet-5)", DefaultValueFactory = _ => "labcnn" };
        model.AcceptOnlyFromAmong("labcnn", "lenet");
        var epochs = new Option<int>("--epochs") { Description = "training epochs", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "seed for torch and the shuffle", DefaultValueFactory = _ => 0 };
        var batchSize = new Option<int?>("--batch-size") { Description = "mini-batch size (default 64 labcnn, 100 lenet)" };
        var device = new Option<string>("--device") { Description = "cpu or cuda", DefaultValueFactory = _ => "cpu" };
        device.AcceptOnlyFromAmong("cpu", "cuda");
        var data = new Option<string?>("--data") { Description = $"MNIST directory (default ${MnistDirectory.EnvironmentVariable} or ~/.cache/convspec/mnist)" };
        var metrics = new Option<string?>("--metrics") { Description = "write metrics as JSON to this file" };

        var command = new Command("train", "Train a CNN on MNIST (exercise 1) and evaluate it on the test set.\n\nExample:\n  convspec train --model lenet --epochs 3 --seed 0 --metrics lenet.json")
        {
            model, epochs, seed, batchSize, device, data, metrics,
        };
        command.SetAction(async (parse, cancel) =>
        {
            // Every argument and the metrics file's location are checked before MNIST is fetched or a batch is trained.
            var options = new TrainingOptions(
                parse.GetValue(model) == "lenet" ? ModelKind.LeNet : ModelKind.LabCnn,
                OptionChecks.AtLeastOne(parse.GetValue(epochs), "--epochs", "the number of epochs"),
                parse.GetValue(seed),
                parse.GetValue(batchSize) is int b ? OptionChecks.AtLeastOne(b, "--batch-size", "a mini-batch") : null,
                OptionChecks.Device(parse.GetValue(device)!),
                parse.GetValue(data));
            string? metricsPath = parse.GetValue(metrics);
            if (metricsPath is not null) OutputPaths.RequireWritable(metricsPath, "--metrics");
            var report = await RunProgress.RunAsync(progress => MnistTraining.RunAsync(options, progress.Training, progress.Fetch, progress.Evaluation, cancel));
            foreach (var epoch in report.Epochs)
            {
                Console.WriteLine($"epoch {epoch.Epoch}: train loss {epoch.TrainLoss:F4}, train accuracy {epoch.TrainAccuracy:F4}, {epoch.Seconds:F1} s");
            }
            Console.WriteLine($"test ({report.Test.Samples} samples): loss {report.Test.Loss:F4}, accuracy {report.Test.Accuracy:F4}");
            if (metricsPath is not null)
            {
                AtomicFile.WriteAllBytes(metricsPath, System.Text.Encoding.UTF8.GetBytes(MetricsJson.Serialize(report)));
            }
            return 0;
        });
        return command;
    }
}
