namespace ConvSpec.Training;

/// <summary>What a training run produced: per-epoch figures and the final evaluation on the test set.</summary>
public sealed record TrainingReport(
    ModelKind Model,
    int Seed,
    int BatchSize,
    string Device,
    IReadOnlyList<EpochResult> Epochs,
    Evaluation Test,
    Evaluation Untrained);
