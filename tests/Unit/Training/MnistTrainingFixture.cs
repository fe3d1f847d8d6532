using ConvSpec.Mnist;
using ConvSpec.Training;

namespace ConvSpec.Tests.Unit.Training;

/// <summary>
/// Trains each network once per test run, on first use, and shares the report: the lab CNN one epoch,
/// LeNet-5 three epochs, both with <see cref="Seed"/>. The specs that use it form one collection, so
/// the two trainings never compete for the two cores.
/// </summary>
public sealed class MnistTrainingFixture : IAsyncLifetime
{
    public const int Seed = 0;

    private readonly Lazy<TrainingReport> _labCnn;
    private readonly Lazy<TrainingReport> _leNet;
    private MnistData? _data;

    public MnistTrainingFixture()
    {
        // The test host is an entry point that trains; the library leaves the allocator alone (MallocTuning).
        MallocTuning.Apply();
        _labCnn = new(() => Exercise1.Run(Data, new Exercise1Options(ModelKind.LabCnn, Epochs: 1, Seed)));
        _leNet = new(() => Exercise1.Run(Data, new Exercise1Options(ModelKind.LeNet, Epochs: 3, Seed)));
    }

    public MnistData Data => _data ?? throw new InvalidOperationException("MNIST has not been loaded yet.");

    public TrainingReport LabCnn => _labCnn.Value;

    public TrainingReport LeNet => _leNet.Value;

    public async ValueTask InitializeAsync() => _data = await MnistData.LoadAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class MnistTrainingGroup : ICollectionFixture<MnistTrainingFixture>
{
    public const string Name = "MNIST training";
}
