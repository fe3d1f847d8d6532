namespace ConvSpec.Tests;

/// <summary>
/// Test-accuracy thresholds after training, shared by the CPU and GPU specs. Set from the distribution
/// over ten seeds in docs/performance.md ("MNIST accuracy thresholds"), below its minimum with margin.
/// </summary>
public static class MnistThresholds
{
    /// <summary>The lab CNN after one epoch (RMSprop, batch 64).</summary>
    public const double LabCnnOneEpoch = 0.96;

    /// <summary>LeNet-5 after three epochs (SGD with momentum, batch 100).</summary>
    public const double LeNetThreeEpochs = 0.90;
}
