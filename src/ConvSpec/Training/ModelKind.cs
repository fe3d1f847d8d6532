namespace ConvSpec.Training;

/// <summary>The two networks the lab trains on MNIST.</summary>
public enum ModelKind
{
    /// <summary>The lab notebook's CNN (exercise 1).</summary>
    LabCnn,

    /// <summary>ECE285's LeNet-5.</summary>
    LeNet,
}
