namespace ConvSpec.Training;

/// <summary>
/// A training run (<see cref="MnistTraining"/>). <see cref="BatchSize"/> null takes the recipe's (64 lab CNN, 100 LeNet-5);
/// <see cref="DataDirectory"/> null takes <see cref="Mnist.MnistDirectory.Resolve"/>'s default.
/// <see cref="EvaluateEachEpoch"/> also evaluates the test set after every epoch, for per-epoch curves.
/// </summary>
public sealed record TrainingOptions(
    ModelKind Model = ModelKind.LabCnn,
    int Epochs = 1,
    int Seed = 0,
    int? BatchSize = null,
    string Device = "cpu",
    string? DataDirectory = null,
    bool EvaluateEachEpoch = false);
