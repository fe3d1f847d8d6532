namespace ConvSpec.Training;

/// <summary>
/// One training epoch: mean training loss and accuracy over its batches, and its wall time.
/// <see cref="Test"/> is the test set's evaluation after the epoch, where the run asked for one.
/// </summary>
public sealed record EpochResult(int Epoch, double TrainLoss, double TrainAccuracy, double Seconds, Evaluation? Test = null);
