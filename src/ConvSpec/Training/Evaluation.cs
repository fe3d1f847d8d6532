namespace ConvSpec.Training;

/// <summary>
/// Mean cross-entropy and accuracy over the samples evaluated, with the number of samples and how
/// many of each label were seen, so a caller can tell which data set (and how much of it) was used.
/// </summary>
public sealed record Evaluation(double Loss, double Accuracy, long Samples, IReadOnlyList<long> LabelCounts);
