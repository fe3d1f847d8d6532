namespace ConvSpec.Benchmarks.Profile;

/// <summary>Seconds summed over an epoch for the parts of a step that are not one layer's.</summary>
public sealed class StepTimes(IReadOnlyList<LayerTimes> layers)
{
    public IReadOnlyList<LayerTimes> Layers { get; } = layers;
    public double BatchPreparation { get; set; }
    public double LossForward { get; set; }
    public double LossBackward { get; set; }
    public double ZeroGrad { get; set; }
    public double Readout { get; set; }
}

/// <summary>Seconds summed over an epoch for one layer.</summary>
public sealed class LayerTimes(string name)
{
    public string Name { get; } = name;
    public double Forward { get; set; }
    public double Backward { get; set; }
    public double Step { get; set; }
}
