namespace ConvSpec.Training;

/// <summary>Where a training run stands: batch <see cref="Batch"/> of <see cref="Batches"/> in epoch <see cref="Epoch"/> (1-based).</summary>
public sealed record EpochProgress(int Epoch, int Epochs, int Batch, int Batches, double Loss);
