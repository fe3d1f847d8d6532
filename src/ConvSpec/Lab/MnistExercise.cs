using ConvSpec.Imaging;
using ConvSpec.Mnist;
using ConvSpec.Models;
using ConvSpec.Training;

namespace ConvSpec.Lab;

/// <summary>A test digit the trained network got wrong: its index in the test set, its label and the network's answer.</summary>
public sealed record Misclassified(int Index, int TrueLabel, int Predicted);

/// <summary>Exercise 1's outcome as the report shows it.</summary>
public sealed record MnistOutcome(float[,] DigitGrid, ModelSummary Summary, TrainingReport Training, IReadOnlyList<double> BatchLosses, int TrainImages, int TestImages)
{
    /// <summary>The first misclassified test digits, in test-set order (at most <see cref="MnistExercise.MisclassifiedShown"/>).</summary>
    public IReadOnlyList<Misclassified> Misclassified { get; init; } = [];

    /// <summary>Those digits side by side, 28 pixels apart, pixels byte/255.</summary>
    public float[,] MisclassifiedStrip { get; init; } = new float[0, 0];
}

/// <summary>Exercise 1: look at MNIST, read the lab CNN's shapes, train it and evaluate it on the test set.</summary>
public static class MnistExercise
{
    /// <summary>--quick trains on this many training images and tests on this many test images.</summary>
    public const int QuickTrainImages = 6000, QuickTestImages = 1000;

    /// <summary>How many misclassified test digits the report shows.</summary>
    public const int MisclassifiedShown = 36;

    /// <summary>
    /// Trains and evaluates; with more than one epoch the test set is also evaluated after each epoch,
    /// for the report's per-epoch curves.
    /// </summary>
    public static MnistOutcome Run(MnistData data, TrainingOptions options, bool quick, IProgress<EpochProgress>? progress = null,
        IProgress<EvaluationProgress>? evaluationProgress = null)
    {
        if (quick) data = new MnistData(Take(data.Train, QuickTrainImages), Take(data.Test, QuickTestImages));
        var losses = new List<double>();
        var recorder = new Recorder(p =>
        {
            losses.Add(p.Loss);
            progress?.Report(p);
        });
        TrainingReport training = MnistTraining.Run(data, options with { EvaluateEachEpoch = options.Epochs > 1 }, recorder, evaluationProgress);
        using var model = LabCnn.Create();
        IReadOnlyList<Misclassified> wrong = FindMisclassified(data.Test, training.Test.Predictions, MisclassifiedShown);
        return new MnistOutcome(DigitGrid(data.Train, 100), ModelSummary.Of(model, 1, 28, 28), training, losses, data.Train.Count, data.Test.Count)
        {
            Misclassified = wrong,
            MisclassifiedStrip = Strip(data.Test, wrong.Select(w => w.Index).ToList()),
        };
    }

    /// <summary>The first <paramref name="count"/> samples whose prediction differs from their label, in order.</summary>
    public static IReadOnlyList<Misclassified> FindMisclassified(MnistSplit test, IReadOnlyList<byte> predictions, int count)
    {
        var wrong = new List<Misclassified>();
        for (int n = 0; n < test.Count && wrong.Count < count; n++)
        {
            if (predictions[n] != test.Labels[n]) wrong.Add(new Misclassified(n, test.Labels[n], predictions[n]));
        }
        return wrong;
    }

    /// <summary>The first <paramref name="count"/> training digits, 20 to a row, as the notebook's make_grid shows them.</summary>
    public static float[,] DigitGrid(MnistSplit split, int count) =>
        ImageGrid.MakeGrid(Enumerable.Range(0, Math.Min(count, split.Count)).Select(n => Digit(split, n)).ToList(), imagesPerRow: 20);

    /// <summary>The digits at <paramref name="indices"/> in one row, without gaps, so each sits at a multiple of its width.</summary>
    public static float[,] Strip(MnistSplit split, IReadOnlyList<int> indices)
    {
        int rows = split.Images.Rows, cols = split.Images.Columns;
        var strip = new float[rows, cols * Math.Max(1, indices.Count)];
        for (int t = 0; t < indices.Count; t++)
        {
            float[,] digit = Digit(split, indices[t]);
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < cols; c++) strip[r, t * cols + c] = digit[r, c];
            }
        }
        return strip;
    }

    private static float[,] Digit(MnistSplit split, int n)
    {
        IdxImages images = split.Images;
        int pixels = images.Rows * images.Columns;
        var digit = new float[images.Rows, images.Columns];
        for (int r = 0; r < images.Rows; r++)
        {
            for (int c = 0; c < images.Columns; c++) digit[r, c] = images.Pixels[n * pixels + r * images.Columns + c] / 255f;
        }
        return digit;
    }

    /// <summary>The first <paramref name="count"/> samples of a split, in file order.</summary>
    public static MnistSplit Take(MnistSplit split, int count)
    {
        int n = Math.Min(count, split.Count), pixels = split.Images.Rows * split.Images.Columns;
        return new MnistSplit(new IdxImages(n, split.Images.Rows, split.Images.Columns, split.Images.Pixels[..(n * pixels)]), split.Labels[..n]);
    }

    /// <summary>Reports on the training thread, so every batch's loss is recorded in order.</summary>
    private sealed class Recorder(Action<EpochProgress> record) : IProgress<EpochProgress>
    {
        public void Report(EpochProgress value) => record(value);
    }
}
