using ConvSpec.Arrays;
using ConvSpec.Convolution;
using ConvSpec.Imaging;
using ConvSpec.Reporting;
using ConvSpec.Training;
using static ConvSpec.Reporting.MathMl;

namespace ConvSpec.Lab;

/// <summary>
/// Turns the exercises' outcomes into the sections of the lab report. Charts are rendered at twice the
/// size they are shown; images whose pixels are data are shown at an integer multiple of their size.
/// </summary>
public static class LabReportBuilder
{
    /// <summary>Width of the page's content column, in CSS pixels.</summary>
    private const int ContentWidth = 1080;

    private static string Fixed(double value) => NumberText.Fixed(value, 4);

    public static ReportSection MnistSection(MnistOutcome mnist)
    {
        TrainingReport t = mnist.Training;
        double seconds = t.Epochs.Sum(e => e.Seconds);
        bool quick = mnist.TrainImages < 60000;
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"The first 100 training digits (pixels byte/255), 20 per row as make_grid lays them out, shown at their own size. " +
                          $"Training used {NumberText.Count(mnist.TrainImages)} training images and the evaluation {NumberText.Count(mnist.TestImages)} test images" +
                          (quick ? " (--quick: a subset, for a fast run)." : ".")),
            new Figure("mnist-grid.png", GrayPng.Encode(mnist.DigitGrid), "MNIST training digits 0–99, one image pixel per screen pixel", Pixelated: true),
            new Paragraph(Rich.Of("The lab CNN: Conv 32 → pool → Conv 64 → pool → Conv 64 → 576 → 64 → 10. The 576 is 64 channels of 3×3: ",
                "a valid 3×3 convolution takes n to n − 2 and a 2×2 pooling halves it, rounding down, so 28 → 26 → 13 → 11 → 5 → 3 (",
                DerivationsPage.Equation(8), ", ", DerivationsPage.Equation(9), ").")),
            new Equation(Block(Sub(I("n"), Text("out")), O("="), Row(O("⌊"), Frac(Row(I("n"), O("+"), N("2"), I("p"), O("−"), I("d"), Parens(I("m"), O("−"), N("1")), O("−"), N("1")), I("s")), O("⌋")), O("+"), N("1")),
                DerivationsPage.Equation(8)),
            new Preformatted(mnist.Summary.ToString()),
            new KeyFigures(
            [
                ($"test accuracy, {NumberText.Count(t.Test.Samples)} test images", Fixed(t.Test.Accuracy)),
                ("test loss (mean cross-entropy)", Fixed(t.Test.Loss)),
                ("train accuracy, last epoch", Fixed(t.Epochs[^1].TrainAccuracy)),
                ("untrained test accuracy", Fixed(t.Untrained.Accuracy)),
                ($"training time, {t.Epochs.Count} epoch{(t.Epochs.Count == 1 ? "" : "s")}", $"{NumberText.Fixed(seconds, 1)} s"),
            ]),
            Charts.Figure("training-loss.png",
                $"Training loss: the cross-entropy of each mini-batch of {t.BatchSize} training images, computed in the forward pass just before " +
                $"that batch's RMSprop step (lr 1e-3, weight decay 1e-5; seed {t.Seed}, on {t.Device}), and its mean over the last 50 batches. " +
                "No test image enters this chart; the test set's figures are the ones above and below.",
                "Training loss per mini-batch (training set)", "batch", "cross-entropy",
                [("batch loss", mnist.BatchLosses), ("mean of the last 50 batches", MovingAverage(mnist.BatchLosses, 50))], ContentWidth, 380),
        };
        if (t.Epochs.Count > 1) blocks.Add(EpochCurves(t));
        blocks.AddRange(ConfusionBlocks(t.Test));
        blocks.Add(MisclassifiedTiles(mnist));
        blocks.AddRange(NotebookComparison(mnist));
        return new("Exercise 1 · A CNN on MNIST", blocks);
    }

    private static FigureRow EpochCurves(TrainingReport t)
    {
        var epochs = t.Epochs.Select(e => (double)e.Epoch).ToList();
        const string caption = "Train: the mean over the epoch's training batches, measured while the weights were changing. " +
                               "Test: the whole test set, evaluated once after the epoch with the weights fixed.";
        return new FigureRow(
        [
            Charts.Figure("epoch-loss.png", "Mean cross-entropy per epoch. " + caption, "Loss per epoch", "epoch", "mean cross-entropy",
                [("train", t.Epochs.Select(e => e.TrainLoss).ToList()), ("test", t.Epochs.Select(e => e.Test?.Loss ?? double.NaN).ToList())],
                (ContentWidth - 24) / 2, 340, xs: epochs, markers: true),
            Charts.Figure("epoch-accuracy.png", "Accuracy per epoch. " + caption, "Accuracy per epoch", "epoch", "accuracy",
                [("train", t.Epochs.Select(e => e.TrainAccuracy).ToList()), ("test", t.Epochs.Select(e => e.Test?.Accuracy ?? double.NaN).ToList())],
                (ContentWidth - 24) / 2, 340, xs: epochs, markers: true, legend: ScottPlot.Alignment.LowerRight),
        ]);
    }

    private static IEnumerable<ReportBlock> ConfusionBlocks(Evaluation test)
    {
        long trace = 0;
        for (int d = 0; d < 10; d++) trace += test.Confusion[d, d];
        string[] digits = Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        yield return new CountTable("true label", "predicted", digits, digits, test.Confusion,
            $"Confusion matrix C of the trained network on the {NumberText.Count(test.Samples)} test images: C[t, p] counts the test images of " +
            "true label t (row) that the network labelled p (column). Blue: correct, on the diagonal; red: mistakes, shaded on a log scale.");
        yield return new Equation(Block(Text("accuracy"), O("="), Frac(Row(Name("trace"), O("("), I("C"), O(")")), I("N")), O("="),
                Frac(N(NumberText.Count(trace)), N(NumberText.Count(test.Samples))), O("="), N(Fixed((double)trace / test.Samples))),
            new Link("the accuracy above", "#section-1"));
    }

    private static LabelledTiles MisclassifiedTiles(MnistOutcome mnist) => new("misclassified.png", GrayPng.Encode(mnist.MisclassifiedStrip), 28, 28, 3,
        mnist.Misclassified.Select(m => $"{m.Predicted} (true {m.TrueLabel})").ToList(),
        $"The first {mnist.Misclassified.Count} test images the trained network got wrong, in test-set order, each shown three times its size with " +
        "square pixels. Under each: the network's answer, then the true label.");

    private static IEnumerable<ReportBlock> NotebookComparison(MnistOutcome mnist)
    {
        TrainingReport t = mnist.Training;
        var summary = mnist.Summary;
        string Mb(double v) => NumberText.Fixed(v, 2);
        var firstEpoch = mnist.BatchLosses.Take(mnist.BatchLosses.Count / t.Epochs.Count).ToList();
        yield return new Paragraph("Every number the lab 7 notebook prints for exercise 1, beside this run's. The notebook's figures are quoted from its " +
                                   "rendered output; it trained five epochs on all 60,000 training images.");
        yield return new Table(["printed by the notebook", "notebook", "ConvSpec, this run", "how they relate"],
        [
            ["Total params (torchsummary)", NumberText.Count(NotebookFigures.TotalParams), NumberText.Count(summary.TotalParameters), "the same network"],
            ["Input size (MB)", NotebookFigures.InputSizeMb, Mb(summary.InputSizeMegabytes), "torchsummary's count of float32 bytes, one image"],
            ["Forward/backward pass size (MB)", NotebookFigures.ForwardBackwardMb, Mb(summary.ForwardBackwardPassMegabytes), "every layer's output, twice"],
            ["Params size (MB)", NotebookFigures.ParamsSizeMb, Mb(summary.ParametersMegabytes), "93,322 × 4 bytes"],
            ["Estimated Total Size (MB)", NotebookFigures.EstimatedTotalMb, Mb(summary.EstimatedTotalMegabytes), "the three above added"],
            ["EPOCH 1 ACCURACY (training batches)", NumberText.Fixed(NotebookFigures.Epochs[0].Accuracy, 3), NumberText.Fixed(t.Epochs[0].TrainAccuracy, 3),
                "the share of training images labelled right while epoch 1 trained"],
            ["EPOCH 1 LOSS", NumberText.Fixed(NotebookFigures.Epochs[0].Loss, 3),
                $"{NumberText.Fixed(firstEpoch.Sum() / mnist.TrainImages, 3)} (mean per image: {NumberText.Fixed(t.Epochs[0].TrainLoss, 3)})",
                "the notebook divides a sum of batch means by the number of images; ours is computed that way, then as a true mean"],
            [$"EVALUATION ACCURACY (notebook after {NotebookFigures.Epochs.Count} epochs)", NumberText.Fixed(NotebookFigures.EvaluationAccuracy, 3),
                $"{NumberText.Fixed(t.Test.Accuracy, 3)} after {t.Epochs.Count} epoch{(t.Epochs.Count == 1 ? "" : "s")}",
                Rich.Of("the notebook evaluates on the training set (", DerivationsPage.Erratum(7), "); ours on the test set")],
            ["EVALUATION LOSS", NumberText.Fixed(NotebookFigures.EvaluationLoss, 3), $"{NumberText.Fixed(t.Test.Loss, 3)} (mean per test image)",
                Rich.Of("the notebook's is a sum of batch means over the training set divided by 60,000 (", DerivationsPage.Erratum(7), ")")],
        ], Rich.Of("Notebook vs ConvSpec, exercise 1. Source of the notebook's column: ", NotebookFigures.Source, ", cells In [7], In [8] and In [9]."), [3]);
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

    private static string G(string axis) => Var("G", axis);

    public static ReportSection SobelSection(SobelOutcome sobel) => new("Exercise 2 · Sobel edge detection",
    [
        new Paragraph(Rich.Of("The camera image, channel 0 with pixels byte/255, resized to 170×150 by bilinear interpolation as in the notebook. " +
                      "Each output pixel of a valid convolution is a weighted sum over the kernel's window (", DerivationsPage.Equation(1), "):")),
        new Equation(Block(Var("y", "ij"), O("="), UnderOver(O("∑"), Row(I("k"), O("="), N("1")), Row(I("r"), O("("), I("K"), O(")"))),
                UnderOver(O("∑"), Row(I("l"), O("="), N("1")), Row(I("c"), O("("), I("K"), O(")"))),
                Sub(I("x"), Row(I("i"), O("+"), I("k"), O("−"), N("1"), O(","), I("j"), O("+"), I("l"), O("−"), N("1"))), Var("k", "kl")),
            DerivationsPage.Equation(1)),
        new Paragraph(Rich.Of("The two Sobel kernels and the edge magnitude E, divided by its maximum. E has the valid size 168×148 (",
            DerivationsPage.Equation(2), "):")),
        new Equation(Block(G("x"), O("="), Grid(SobelKernels.Gx<float>()), O(","), Text("\u2003"), G("y"), O("="), Grid(SobelKernels.Gy<float>()), O("="), Sup(G("x"), I("T"))),
            DerivationsPage.Equation(2)),
        new Equation(Block(I("E"), O("="), Frac(Sqrt(Sup(Parens(G("x"), O("∗"), I("I")), N("2")), O("+"), Sup(Parens(G("y"), O("∗"), I("I")), N("2"))),
                Row(Name("max"), Parens(Text("…"))))),
            DerivationsPage.Equation(2)),
        new FigureRow(
        [
            new Figure("sobel-input.png", GrayPng.Encode(sobel.Input), "Input I, 170×150, shown at 2× with square pixels", Pixelated: true, Scale: 2),
            new Figure("sobel-reference.png", GrayPng.Encode(sobel.Reference), "E by TorchSharp's conv2d (the reference), 168×148 at 2×", Pixelated: true, Scale: 2),
            new Figure("sobel-custom.png", GrayPng.Encode(sobel.Custom), "E by the hand-written ApplyCustomSobel, 168×148 at 2×", Pixelated: true, Scale: 2),
        ]),
        new KeyFigures([("largest |reference − hand-written|", NumberText.Scientific(sobel.LargestDifference)), ("specified bound", NumberText.Scientific(1e-5))]),
        new Paragraph(Rich.Of("Each kernel alone, shown as |G ∗ I| / max. ", MathMl.Inline(G("x")),
            " differentiates along columns, so it lights up vertical edges (the tripod's legs); ", MathMl.Inline(G("y")),
            " lights up horizontal ones. The notebook has the two the other way round (", DerivationsPage.Erratum(3), ").")),
        new FigureRow(
        [
            new Figure("sobel-gx.png", GrayPng.Encode(sobel.GxOnly), Rich.Of(MathMl.Inline(G("x")), " alone: vertical edges, 168×148 at 2×"), Pixelated: true, Scale: 2),
            new Figure("sobel-gy.png", GrayPng.Encode(sobel.GyOnly), Rich.Of(MathMl.Inline(G("y")), " alone: horizontal edges, 168×148 at 2×"), Pixelated: true, Scale: 2),
        ]),
        new Table(["printed by the notebook", "notebook", "ConvSpec, this run", "how they relate"],
        [
            ["torch.Size of the input", $"[{NotebookFigures.ImageRows}, {NotebookFigures.ImageCols}]", $"[{sobel.Input.GetLength(0)}, {sobel.Input.GetLength(1)}]",
                "lab 7 uses a 286×230 photograph; the lab runs lab 6's camera image at 170×150"],
            ["torch.Size of the Sobel image", $"[{NotebookFigures.SobelRows}, {NotebookFigures.SobelCols}]", $"[{sobel.Custom.GetLength(0)}, {sobel.Custom.GetLength(1)}]",
                Rich.Of("both lose two rows and two columns: r(X) − 3 + 1 (", DerivationsPage.Equation(1), ")")],
        ], Rich.Of("Notebook vs ConvSpec, exercise 2. Source: ", NotebookFigures.Source, ", cells In [11] to In [13]."), [3]),
    ]);

    public static ReportSection GradientSection(GradientOutcome gradient)
    {
        FiniteDifferenceCheck worstNotebook = gradient.Checks.MaxBy(c => c.NotebookRelativeError)!;
        double notebookRelative = Math.Abs(NotebookFigures.EmpiricalGradient - NotebookFigures.AnalyticalGradient) / Math.Max(1, Math.Abs(NotebookFigures.AnalyticalGradient));
        int firstInfinite = gradient.Float32Losses.ToList().FindIndex(float.IsPositiveInfinity);
        var float32Finite = gradient.Float32Losses.TakeWhile(float.IsFinite).Select(l => (double)l).ToList();
        return new("Exercise 3 · Gradients of the convolution",
        [
            new Paragraph(Rich.Of("∂L/∂X for L = Σ y²ᵢⱼ with Y = ", MathMl.Inline(G("x")), " ∗ I, computed by ConvGradientWrtInput from ∂L/∂Y = 2Y. ",
                "Each input pixel collects the outputs it entered, over the kernel indices between the border bounds (", DerivationsPage.Equation(5), ", ", DerivationsPage.Equation(6), "):")),
            new Equation(Block(Frac(Row(O("∂"), I("L")), Row(O("∂"), Var("x", "ij"))), O("="),
                    UnderOver(O("∑"), Row(I("k"), O("="), Var("L", "k")), Var("U", "k")), UnderOver(O("∑"), Row(I("l"), O("="), Var("L", "l")), Var("U", "l")),
                    SubSup(I("y"), Row(I("i"), O("−"), I("k"), O("+"), N("1"), O(","), I("j"), O("−"), I("l"), O("+"), N("1")), O("′")), Var("k", "kl")),
                DerivationsPage.Equation(5)),
            new Equation(Block(Var("L", "k"), O("="), Name("max"), Parens(N("1"), O(","), I("i"), O("−"), I("n"), O("+"), I("m")), O(","), Text("\u2003"),
                    Var("U", "k"), O("="), Name("min"), Parens(I("m"), O(","), I("i"))),
                DerivationsPage.Equation(6)),
            new Figure("input-gradient.png", GrayPng.Encode(ImageOps.MinMaxNormalize(gradient.InputGradient)),
                "∂L/∂X, min–max normalised, 170×150 (the input's size) at 2×: the border pixels receive fewer terms", Pixelated: true, Scale: 2),
            new Paragraph(Rich.Of("Finite differences check single pixels (", DerivationsPage.Equation(7), "): the notebook's way in float32 and the specs' way in float64.")),
            new Equation(Block(Frac(Row(I("L"), Parens(I("x"), O("+"), I("ε"), I("e")), O("−"), I("L"), Parens(I("x"), O("−"), I("ε"), I("e"))), Row(N("2"), I("ε"))),
                    O("≈"), Frac(Row(O("∂"), I("L")), Row(O("∂"), I("x")))),
                DerivationsPage.Equation(7)),
            new Table(
                ["pixel (row, col)", "notebook: empirical", "notebook: analytic", "rel. error", "float64: empirical", "float64: analytic", "rel. error"],
                gradient.Checks.Select(c => (IReadOnlyList<Rich>)
                [
                    $"({c.Row}, {c.Col})", NumberText.Fixed(c.NotebookEmpirical, 4), NumberText.Fixed(c.NotebookAnalytic, 4), NumberText.Scientific(c.NotebookRelativeError),
                    NumberText.Fixed(c.Float64Empirical, 6), NumberText.Fixed(c.Float64Analytic, 6), NumberText.Scientific(c.Float64RelativeError),
                ]).ToList(),
                Rich.Of("Finite differences. Notebook: float32, ε = 10⁻⁶, Σ(y₊² − y₋²)/2ε against the float32 analytic gradient. " +
                        "Specs: float64 central differences, ε = 10⁻⁵. Relative error = |empirical − analytic| / max(1, |analytic|). " +
                        $"In float32 with ε = 10⁻⁶ the check is off by up to {NumberText.Scientific(worstNotebook.NotebookRelativeError)} here: a tolerance that loose " +
                        "also passes a gradient that misses its last row and column (", DerivationsPage.Erratum(5), ").")),
            new Table(["printed by the notebook", "notebook", "ConvSpec, this run", "how they relate"],
            [
                ["torch.Size of ∂L/∂X", $"[{NotebookFigures.ImageRows}, {NotebookFigures.ImageCols}]",
                    $"[{gradient.InputGradient.GetLength(0)}, {gradient.InputGradient.GetLength(1)}]", Rich.Of("the input's size in both (", DerivationsPage.Equation(5), ")")],
                ["Empirical grad. / Analytical grad.", $"{NumberText.Fixed(NotebookFigures.EmpiricalGradient, 5)} / {NumberText.Fixed(NotebookFigures.AnalyticalGradient, 5)}",
                    $"pixel ({worstNotebook.Row}, {worstNotebook.Col}): {NumberText.Fixed(worstNotebook.NotebookEmpirical, 5)} / {NumberText.Fixed(worstNotebook.NotebookAnalytic, 5)}",
                    $"the notebook's random pixel of another image; ours is the checked pixel with the largest float32 error"],
                ["relative error of that check", NumberText.Scientific(notebookRelative), NumberText.Scientific(worstNotebook.NotebookRelativeError),
                    $"float32 with ε = 10⁻⁶ in both; the float64 check of the same pixel: {NumberText.Scientific(worstNotebook.Float64RelativeError)}"],
                ["gradient-ascent loss at step 99 (plotted, not printed)", "inf", NumberText.Of(gradient.Ascent.Losses[^1]),
                    Rich.Of("float32 overflows", firstInfinite >= 0 ? $" at step {firstInfinite}" : "", "; the lab runs the ascent in float64 (", DerivationsPage.Erratum(9), ")")],
            ], Rich.Of("Notebook vs ConvSpec, exercise 3. Source: ", NotebookFigures.Source, ", cells In [15] to In [17]."), [3]),
            new Paragraph(Rich.Of("Gradient ascent from a 9×9 uniform random image, step η = 0.01, 100 steps. The loss is a quadratic form, " +
                          "so each step multiplies the image by the same matrix: this is power iteration, the image turns towards the dominant eigenvector of ",
                          MathMl.Inline(Sup(I("C"), I("T")), I("C")), " and the loss grows geometrically (", DerivationsPage.Equation(11), ").")),
            new Equation(Block(I("x"), O("←"), I("x"), O("+"), N("2"), I("η"), Sup(I("C"), I("T")), I("C"), I("x"), O("="), Parens(I("I"), O("+"), N("2"), I("η"), Sup(I("C"), I("T")), I("C")), I("x")),
                DerivationsPage.Equation(11)),
            new FigureRow(
            [
                Charts.Figure("ascent-loss.png",
                    Rich.Of("L = Σ y² at each of the 100 steps (log scale), in float64 as the lab runs it and in float32 as the notebook runs it. " +
                            "The two agree (the float32 line covers the float64 one) until the float32 loss passes float32's largest value, 3.4 × 10³⁸, and becomes inf",
                            firstInfinite >= 0 ? $" from step {firstInfinite} on, where its line stops" : "", " (", DerivationsPage.Erratum(9), ")."),
                    "Gradient ascent on L = Σ y²", "step", "L",
                    [("float64", gradient.Ascent.Losses.ToList()), ("float32 (the notebook's dtype)", float32Finite)], 680, 380, logScaleY: true,
                    legend: ScottPlot.Alignment.LowerRight),
                new Figure("ascent-image.png", GrayPng.Encode(ImageOps.MinMaxNormalize(Matrix.Convert<double, float>(gradient.Ascent.Image))),
                    "The 9×9 image after 100 steps, min–max normalised, at 32× with square pixels", Pixelated: true, Scale: 32),
            ]),
            new KeyFigures(
            [
                ("loss at step 0", NumberText.Of(gradient.Ascent.Losses[0])), ("loss at step 99, float64", NumberText.Of(gradient.Ascent.Losses[^1])),
                ("float32 loss is inf from step", firstInfinite >= 0 ? firstInfinite.ToString(System.Globalization.CultureInfo.InvariantCulture) : "never"),
            ]),
        ]);
    }
}
