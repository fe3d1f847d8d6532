using System.CommandLine;
using System.Diagnostics;
using ConvSpec.Cli.Progress;
using ConvSpec.Imaging;
using ConvSpec.IO;
using ConvSpec.Lab;
using ConvSpec.Mnist;
using ConvSpec.Reporting;
using ConvSpec.Training;

namespace ConvSpec.Cli.Commands;

/// <summary>`convspec lab`: runs the lab's three exercises and writes the report folder.</summary>
internal static class LabCommand
{
    public static Command Create()
    {
        var outOption = new Option<string>("--out") { Description = "Folder for the report (index.html and its images).", DefaultValueFactory = _ => "lab-report" };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs of the lab CNN.", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => "cpu" };
        device.AcceptOnlyFromAmong("cpu", "cuda");
        var quick = new Option<bool>("--quick") { Description = $"Train on the first {MnistExercise.QuickTrainImages} training images and test on {MnistExercise.QuickTestImages}: a run of seconds." };
        var data = new Option<string?>("--data") { Description = $"MNIST folder (default ${MnistDirectory.EnvironmentVariable} or ~/.cache/convspec/mnist)." };
        var seed = new Option<int>("--seed") { Description = "Seed for training and the ascent's start.", DefaultValueFactory = _ => 0 };
        var images = new Option<string?>("--images") { Description = "Folder with camera.png (default: the repository's assets/images)." };
        var command = new Command("lab", "Run the lab's three exercises and write an HTML report.\n\nExample:\n  convspec lab --quick --out lab-report    # a run of seconds; open lab-report/index.html")
        {
            outOption, epochs, device, quick, data, seed, images,
        };
        command.SetAction(async (parse, cancel) =>
        {
            int epochCount = parse.GetValue(epochs);
            if (epochCount < 1) throw new ArgumentException($"--epochs {epochCount}: train at least one epoch.");
            var options = new TrainingOptions(ModelKind.LabCnn, epochCount, parse.GetValue(seed), null, OptionChecks.Device(parse.GetValue(device)!), parse.GetValue(data));
            string outDirectory = parse.GetValue(outOption)!;
            ReportFolder.RequireWritable(outDirectory);
            string? imagesFolder = parse.GetValue(images);
            if (imagesFolder is not null && !Directory.Exists(imagesFolder))
                throw new ConvSpecInputException(imagesFolder, "--images: no such folder.");
            string camera = Path.Combine(imagesFolder ?? LabInputs.FindImagesFolder(), LabInputs.CameraFile);
            GrayImage.Load(camera);
            string derivations = await File.ReadAllTextAsync(LabInputs.FindDerivations(), cancel);
            return await RunAsync(outDirectory, options, parse.GetValue(quick), camera, derivations, cancel);
        });
        return command;
    }

    /// <summary>Runs the exercises; the report folder, the camera image and the spec document were checked (read) by the caller, before training.</summary>
    private static async Task<int> RunAsync(string outDirectory, TrainingOptions options, bool quick, string camera, string derivations, CancellationToken cancel)
    {
        var total = Stopwatch.StartNew();
        var report = new HtmlReport("ConvSpec · Convolutions lab",
            $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores" + (quick ? " · --quick" : ""));

        Console.WriteLine("▸ Exercise 1: a CNN on MNIST …");
        Console.Out.Flush();
        var watch = Stopwatch.StartNew();
        MnistOutcome mnist = await RunProgress.RunAsync(async progress =>
        {
            MnistData data = await MnistData.LoadAsync(options.DataDirectory, progress.Fetch, cancel);
            return MnistExercise.Run(data, options, quick, progress.Training, progress.Evaluation);
        });
        Console.WriteLine($"  done in {watch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"    test accuracy {NumberText.Fixed(mnist.Training.Test.Accuracy, 4)} on {mnist.TestImages} test images (untrained {NumberText.Fixed(mnist.Training.Untrained.Accuracy, 4)})");
        report.Add(LabReportBuilder.MnistSection(mnist));

        SobelOutcome sobel = Step("Exercise 2: Sobel edge detection", () => SobelExercise.Run(camera));
        Console.WriteLine($"    hand-written vs conv2d: largest difference {NumberText.Scientific(sobel.LargestDifference)} over {sobel.Custom.GetLength(0)}×{sobel.Custom.GetLength(1)} pixels");
        report.Add(LabReportBuilder.SobelSection(sobel));

        GradientOutcome gradient = Step("Exercise 3: gradients, finite differences, gradient ascent", () => GradientExercise.Run(sobel.Input, options.Seed));
        Console.WriteLine($"    ∂L/∂X: {gradient.InputGradient.GetLength(0)}×{gradient.InputGradient.GetLength(1)}");
        foreach (FiniteDifferenceCheck check in gradient.Checks.Take(4))
            Console.WriteLine($"    pixel ({check.Row,3}, {check.Col,3}): notebook check rel. error {NumberText.Scientific(check.NotebookRelativeError)}, float64 check {NumberText.Scientific(check.Float64RelativeError)}");
        Console.WriteLine($"    gradient ascent (float64): loss {NumberText.Of(gradient.Ascent.Losses[0])} → {NumberText.Of(gradient.Ascent.Losses[^1])} in {gradient.Ascent.Losses.Count} steps; in float32 it overflows to inf (erratum E9)");
        report.Add(LabReportBuilder.GradientSection(gradient));
        report.AddPage(DerivationsPage.FileName, DerivationsPage.Render(derivations, "index.html"));

        Step("Writing the report", () => report.WriteTo(outDirectory));
        Console.WriteLine($"Report: {Path.GetFullPath(Path.Combine(outDirectory, "index.html"))} ({total.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }

    private static T Step<T>(string name, Func<T> work)
    {
        Console.WriteLine($"▸ {name} …");
        Console.Out.Flush();
        var watch = Stopwatch.StartNew();
        T result = work();
        Console.WriteLine($"  done in {watch.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    private static void Step(string name, Action work) => Step(name, () => { work(); return 0; });
}
