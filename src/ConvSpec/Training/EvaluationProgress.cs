namespace ConvSpec.Training;

/// <summary>Where an evaluation stands: <see cref="Samples"/> of <see cref="Total"/> done, in the phase named <see cref="Phase"/>.</summary>
public sealed record EvaluationProgress(string Phase, long Samples, long Total);
