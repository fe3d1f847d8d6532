using ConvSpec.Convolution;

namespace ConvSpec.Exercises;

/// <summary>
/// The exercise code as the graded specs call it: every method a student writes (the regions marked in
/// src/ConvSpec), in double precision, with tensors as plain arrays. <see cref="LibraryExerciseCode"/> answers in
/// this process; <see cref="ExerciseProxy"/> forwards each call to a submission's code in a sandboxed process
/// of its own, so no verdict is ever computed where student code runs (docs/grading.md).
/// </summary>
public interface IExerciseCode
{
    double ComputeConvolutionAtPosition(int i, int j, double[,] image, double[,] kernel);

    double[,] ApplyConvolution(double[,] image, double[,] kernel);

    IndexRange BorderBoundsOneBased(int i, int inputLength, int kernelLength);

    IndexRange BorderBoundsZeroBased(int i, int inputLength, int kernelLength);

    double[,] ConvGradientWrtKernel(double[,] dLossDy, double[,] image);

    double[,] ConvGradientWrtInput(double[,] dLossDy, double[,] kernel);

    double[,] SobelGx();

    double[,] SobelGy();

    double[,] ApplyCustomSobel(double[,] image);

    /// <summary>The lab CNN as LabCnn.Create builds it after torch.manual_seed(seed): its parameters, and its scores for <paramref name="inputs"/>.</summary>
    ModelRun RunLabCnn(int seed, TensorData inputs);

    /// <summary>
    /// <paramref name="steps"/> calls of Trainer.TrainStep on the same batch, with plain SGD, starting from
    /// <paramref name="parameters"/> of <see cref="LibraryExerciseCode.SmallClassifier"/>: the loss each step returned and the parameters after the last.
    /// </summary>
    TrainingRun RunTrainSteps(IReadOnlyList<NamedTensor> parameters, TensorData inputs, long[] labels, double learningRate, int steps);
}
