using System.CommandLine;
using System.Diagnostics;
using ConvSpec.Lab;
using ConvSpec.Reporting;

namespace ConvSpec.Cli.Commands;

/// <summary>`convspec lab`: runs the lab's exercises and writes the report folder.</summary>
internal static class LabCommand
{
    public static Command Create()
    {
        var outOption = new Option<string>("--out") { Description = "Folder for the report (index.html and its images).", DefaultValueFactory = _ => "lab-report" };
        var imagesOption = new Option<string?>("--images") { Description = "Folder with camera.png and astronaut.png (default: the repository's assets/images)." };
        var command = new Command("lab", "Run the lab's exercises and write an HTML report.") { outOption, imagesOption };
        command.SetAction(parse => Run(parse.GetValue(outOption)!, parse.GetValue(imagesOption)));
        return command;
    }

    private static int Run(string outDirectory, string? imagesFolder)
    {
        var total = Stopwatch.StartNew();
        string images = imagesFolder ?? LabInputs.FindImagesFolder();
        var report = new HtmlReport("ConvSpec · Convolutions lab", $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores");

        SobelOutcome sobel = Step("Exercise 2: Sobel edge detection", () => SobelExercise.Run(Path.Combine(images, LabInputs.CameraFile)));
        Console.WriteLine($"    hand-written vs conv2d: largest difference {sobel.LargestDifference:0.0e+0} over {sobel.Custom.GetLength(0)}×{sobel.Custom.GetLength(1)} pixels");
        report.Add(LabReportBuilder.SobelSection(sobel));

        GradientOutcome gradient = Step("Exercise 3: gradients, finite differences, gradient ascent", () => GradientExercise.Run(sobel.Input));
        Console.WriteLine($"    ∂L/∂X: {gradient.InputGradient.GetLength(0)}×{gradient.InputGradient.GetLength(1)}");
        foreach (FiniteDifferenceCheck check in gradient.Checks.Take(4))
            Console.WriteLine($"    pixel ({check.Row,3}, {check.Col,3}): notebook check rel. error {check.NotebookRelativeError:0.0e+0}, float64 check {check.Float64RelativeError:0.0e+0}");
        Console.WriteLine($"    gradient ascent: loss {gradient.Ascent.Losses[0]:G4} → {gradient.Ascent.Losses[^1]:G4} in {gradient.Ascent.Losses.Count} steps");
        report.Add(LabReportBuilder.GradientSection(gradient));

        Step("Writing the report", () => report.WriteTo(outDirectory));
        Console.WriteLine($"Report: {Path.GetFullPath(Path.Combine(outDirectory, "index.html"))} ({total.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }

    private static T Step<T>(string name, Func<T> work)
    {
        Console.WriteLine($"▸ {name} …");
        var watch = Stopwatch.StartNew();
        T result = work();
        Console.WriteLine($"  done in {watch.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    private static void Step(string name, Action work) => Step(name, () => { work(); return 0; });
}
