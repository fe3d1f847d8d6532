using ConvSpec.Convolution;
using ConvSpec.Models;
using ConvSpec.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ConvSpec.Exercises;

/// <summary>
/// <see cref="IExerciseCode"/> answered by the library loaded in this process: the exercise code of whoever
/// built it. The graded specs use it directly when a student or CI runs them; the exercise host uses it to
/// answer for a submission.
/// </summary>
public sealed class LibraryExerciseCode : IExerciseCode
{
    public double ComputeConvolutionAtPosition(int i, int j, double[,] image, double[,] kernel) =>
        Convolution2D.ComputeConvolutionAtPosition(i, j, image, kernel);

    public double[,] ApplyConvolution(double[,] image, double[,] kernel) => Convolution2D.ApplyConvolution(image, kernel);

    public IndexRange BorderBoundsOneBased(int i, int inputLength, int kernelLength) => BorderBounds.OneBased(i, inputLength, kernelLength);

    public IndexRange BorderBoundsZeroBased(int i, int inputLength, int kernelLength) => BorderBounds.ZeroBased(i, inputLength, kernelLength);

    public double[,] ConvGradientWrtKernel(double[,] dLossDy, double[,] image) => ConvGradients.ConvGradientWrtKernel(dLossDy, image);

    public double[,] ConvGradientWrtInput(double[,] dLossDy, double[,] kernel) => ConvGradients.ConvGradientWrtInput(dLossDy, kernel);

    public double[,] SobelGx() => SobelKernels.Gx<double>();

    public double[,] SobelGy() => SobelKernels.Gy<double>();

    public double[,] ApplyCustomSobel(double[,] image) => Sobel.ApplyCustomSobel(image);

    public ModelRun RunLabCnn(int seed, TensorData inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        using var scope = NewDisposeScope();
        manual_seed(seed);
        using var model = LabCnn.Create();
        model.eval();
        using var grad = no_grad();
        var output = model.call(inputs.ToTensor());
        return new ModelRun(NamedTensor.ParametersOf(model), TensorData.From(output));
    }

    public TrainingRun RunTrainSteps(IReadOnlyList<NamedTensor> parameters, TensorData inputs, long[] labels, double learningRate, int steps)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        using var scope = NewDisposeScope();
        using var model = SmallClassifier();
        Load(model, parameters);
        using var optimizer = optim.SGD(model.parameters(), learningRate);
        var x = inputs.ToTensor();
        var y = tensor(labels);
        var losses = new List<float>();
        for (int step = 0; step < steps; step++)
        {
            var (_, loss) = Trainer.TrainStep(model, optimizer, x, y);
            losses.Add(loss.detach().cpu().item<float>());
        }
        return new TrainingRun(losses, NamedTensor.ParametersOf(model));
    }

    /// <summary>
    /// The network the training-step specs train: linear(6→5), ReLU, linear(5→3). It is built here, outside
    /// every exercise region, so that a mistake in the lab CNN cannot cost the training step's points.
    /// </summary>
    public static Sequential SmallClassifier() =>
        nn.Sequential(("0", nn.Linear(6, 5)), ("1", nn.ReLU()), ("2", nn.Linear(5, 3)));

    /// <summary>Copies <paramref name="parameters"/> into <paramref name="model"/>'s parameters of the same names and shapes.</summary>
    public static void Load(nn.Module model, IReadOnlyList<NamedTensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        var byName = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var given = parameters.Select(p => p.Name).Order(StringComparer.Ordinal);
        if (!given.SequenceEqual(byName.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            throw new ArgumentException($"parameters [{string.Join(", ", given)}] do not match the model's [{string.Join(", ", byName.Keys)}].");
        using var grad = no_grad();
        foreach (var (name, value) in parameters)
        {
            using var source = value.ToTensor();
            Parameter target = byName[name];
            if (!source.shape.SequenceEqual(target.shape))
                throw new ArgumentException($"parameter {name} has shape [{string.Join(", ", source.shape)}], the model's has [{string.Join(", ", target.shape)}].");
            target.copy_(source);
        }
    }
}
