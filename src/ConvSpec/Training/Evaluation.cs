namespace ConvSpec.Training;

/// <summary>
/// Mean cross-entropy and accuracy over the samples evaluated, with the number of samples and how
/// many of each label were seen, so a caller can tell which data set (and how much of it) was used.
/// <see cref="Confusion"/>[t, p] counts samples of true label t predicted as p; <see cref="Predictions"/>
/// holds each sample's predicted label in the split's order. Both are counted apart from
/// <see cref="Accuracy"/>, so each can check the other.
/// </summary>
public sealed record Evaluation(double Loss, double Accuracy, long Samples, IReadOnlyList<long> LabelCounts, long[,] Confusion, IReadOnlyList<byte> Predictions);
