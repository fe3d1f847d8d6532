namespace ConvSpec.Training;

/// <summary>One training epoch: mean training loss and accuracy over its batches, and its wall time.</summary>
public sealed record EpochResult(int Epoch, double TrainLoss, double TrainAccuracy, double Seconds);
