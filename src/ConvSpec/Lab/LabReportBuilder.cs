using System.Globalization;
using ConvSpec.Arrays;
using ConvSpec.Imaging;
using ConvSpec.Reporting;
using ConvSpec.Training;

namespace ConvSpec.Lab;

/// <summary>Turns the exercises' outcomes into the sections of the lab report.</summary>
public static class LabReportBuilder
{
    private static string F(double value, string format = "G4") => value.ToString(format, CultureInfo.InvariantCulture);

    public static ReportSection MnistSection(MnistOutcome mnist)
    {
        TrainingReport t = mnist.Training;
        double seconds = t.Epochs.Sum(e => e.Seconds);
        return new("Exercise 1 · A CNN on MNIST",
        [
            new Paragraph($"The first 100 training digits (pixels byte/255), 20 per row as make_grid lays them out. " +
                          $"Training used {mnist.TrainImages:N0} training images and the evaluation {mnist.TestImages:N0} test images" +
                          (mnist.TrainImages < 60000 ? " (--quick: a subset, for a fast run)." : ".")),
            new Figure("mnist-grid.png", GrayPng.Encode(mnist.DigitGrid), "MNIST training digits 0–99", Pixelated: true),
            new Paragraph("The lab CNN: Conv 32 → pool → Conv 64 → pool → Conv 64 → 576 → 64 → 10. The 576 is 64 channels of 3×3 " +
                          "(28 → 26 → 13 → 11 → 5 → 3, equations 8 and 9)."),
            new Preformatted(mnist.Summary.ToString()),
            new KeyFigures(
            [
                ("test accuracy", F(t.Test.Accuracy, "0.0000")), ("test loss", F(t.Test.Loss, "0.0000")),
                ("train accuracy", F(t.Epochs[^1].TrainAccuracy, "0.0000")), ("untrained test accuracy", F(t.Untrained.Accuracy, "0.0000")),
                ($"training time, {t.Epochs.Count} epoch{(t.Epochs.Count == 1 ? "" : "s")}", $"{seconds:F1} s"),
            ]),
            new Figure("training-loss.png",
                Charts.LineChart("Training loss per batch", "batch", "cross-entropy",
                    [("batch loss", mnist.BatchLosses), ("mean of the last 50", MovingAverage(mnist.BatchLosses, 50))]),
                $"RMSprop (lr 1e-3, weight decay 1e-5), batch {t.BatchSize}, seed {t.Seed}, on {t.Device}; evaluated on the test set, every batch"),
        ]);
    }

    private static List<double> MovingAverage(IReadOnlyList<double> values, int window)
    {
        var averages = new List<double>(values.Count);
        double sum = 0;
        for (int n = 0; n < values.Count; n++)
        {
            sum += values[n] - (n >= window ? values[n - window] : 0);
            averages.Add(sum / Math.Min(n + 1, window));
        }
        return averages;
    }

    public static ReportSection SobelSection(SobelOutcome sobel) => new("Exercise 2 · Sobel edge detection",
    [
        new Paragraph("The camera image, channel 0 with pixels byte/255, resized to 170×150 by bilinear interpolation as in the notebook. " +
                      "E = sqrt((G_x ∗ I)² + (G_y ∗ I)²) / max has the valid size 168×148."),
        new FigureRow(
        [
            new Figure("sobel-input.png", GrayPng.Encode(sobel.Input), "Input I, 170×150"),
            new Figure("sobel-reference.png", GrayPng.Encode(sobel.Reference), "Reference: TorchSharp conv2d"),
            new Figure("sobel-custom.png", GrayPng.Encode(sobel.Custom), "Hand-written ApplyCustomSobel"),
        ]),
        new KeyFigures([("largest |reference − hand-written|", F(sobel.LargestDifference, "0.0e+0")), ("specified bound", "1e-5")]),
        new Paragraph("Each kernel alone, shown as |G ∗ I| / max. G_x differentiates along columns, so it lights up vertical edges " +
                      "(the tripod's legs); G_y lights up horizontal ones. The notebook has the two the other way round (erratum E3)."),
        new FigureRow(
        [
            new Figure("sobel-gx.png", GrayPng.Encode(sobel.GxOnly), "G_x alone: vertical edges"),
            new Figure("sobel-gy.png", GrayPng.Encode(sobel.GyOnly), "G_y alone: horizontal edges"),
        ]),
    ]);

    public static ReportSection GradientSection(GradientOutcome gradient) => new("Exercise 3 · Gradients of the convolution",
    [
        new Paragraph("∂L/∂X for L = Σ y²ᵢⱼ with Y = G_x ∗ I, computed by ConvGradientWrtInput from ∂L/∂Y = 2Y and shown min–max normalised. " +
                      "It has the input's size, 170×150: the border pixels receive fewer terms (bounds L_k…U_k, L_l…U_l)."),
        new Figure("input-gradient.png", GrayPng.Encode(ImageOps.MinMaxNormalize(gradient.InputGradient)), "∂L/∂X, min–max normalised"),
        new Table(
            ["pixel (row, col)", "notebook: empirical", "notebook: analytic", "rel. error", "float64: empirical", "float64: analytic", "rel. error"],
            gradient.Checks.Select(c => (IReadOnlyList<string>)
            [
                $"({c.Row}, {c.Col})", F(c.NotebookEmpirical, "F4"), F(c.NotebookAnalytic, "F4"), F(c.NotebookRelativeError, "0.0e+0"),
                F(c.Float64Empirical, "F6"), F(c.Float64Analytic, "F6"), F(c.Float64RelativeError, "0.0e+0"),
            ]).ToList(),
            "Finite differences. Notebook: float32, ε = 1e-6, Σ(y₊² − y₋²)/2ε against the float32 analytic gradient. " +
            "Specs: float64 central differences, ε = 1e-5. Relative error = |empirical − analytic| / max(1, |analytic|)."),
        new Paragraph("Gradient ascent from a 9×9 uniform random image, step 0.01, 100 steps. The loss is a quadratic form, " +
                      "so each step multiplies the image by (I + 2η CᵀC): the image turns towards the dominant eigenvector of CᵀC " +
                      "and the loss grows geometrically (equation 11)."),
        new FigureRow(
        [
            new Figure("ascent-loss.png",
                Charts.LineChart("Gradient ascent on L = Σ y²", "step", "L", [("loss", gradient.Ascent.Losses.ToList())], logScaleY: true),
                "Loss per step (log scale)"),
            new Figure("ascent-image.png", GrayPng.Encode(ImageOps.MinMaxNormalize(Matrix.Convert<double, float>(gradient.Ascent.Image))), "Image after 100 steps, min–max normalised", Pixelated: true),
        ]),
        new KeyFigures([("loss at step 0", F(gradient.Ascent.Losses[0])), ("loss at step 99", F(gradient.Ascent.Losses[^1]))]),
    ]);
}
