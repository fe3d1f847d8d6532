using ConvSpec.Imaging;
using ConvSpec.Mnist;
using ConvSpec.Models;
using ConvSpec.Training;

namespace ConvSpec.Lab;

/// <summary>Exercise 1's outcome as the report shows it.</summary>
public sealed record MnistOutcome(float[,] DigitGrid, ModelSummary Summary, TrainingReport Training, IReadOnlyList<double> BatchLosses, int TrainImages, int TestImages);

/// <summary>Exercise 1: look at MNIST, read the lab CNN's shapes, train it and evaluate it on the test set.</summary>
public static class MnistExercise
{
    /// <summary>--quick trains on this many training images and tests on this many test images.</summary>
    public const int QuickTrainImages = 6000, QuickTestImages = 1000;

    public static MnistOutcome Run(MnistData data, TrainingOptions options, bool quick, IProgress<EpochProgress>? progress = null)
    {
        if (quick) data = new MnistData(Take(data.Train, QuickTrainImages), Take(data.Test, QuickTestImages));
        var losses = new List<double>();
        var recorder = new Recorder(p =>
        {
            losses.Add(p.Loss);
            progress?.Report(p);
        });
        TrainingReport training = MnistTraining.Run(data, options, recorder);
        using var model = LabCnn.Create();
        return new MnistOutcome(DigitGrid(data.Train, 100), ModelSummary.Of(model, 1, 28, 28), training, losses, data.Train.Count, data.Test.Count);
    }

    /// <summary>The first <paramref name="count"/> training digits, 20 to a row, as the notebook's make_grid shows them.</summary>
    public static float[,] DigitGrid(MnistSplit split, int count)
    {
        IdxImages images = split.Images;
        int pixels = images.Rows * images.Columns;
        var digits = new List<float[,]>(count);
        for (int n = 0; n < Math.Min(count, split.Count); n++)
        {
            var digit = new float[images.Rows, images.Columns];
            for (int r = 0; r < images.Rows; r++)
            {
                for (int c = 0; c < images.Columns; c++) digit[r, c] = images.Pixels[n * pixels + r * images.Columns + c] / 255f;
            }
            digits.Add(digit);
        }
        return ImageGrid.MakeGrid(digits, imagesPerRow: 20);
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
