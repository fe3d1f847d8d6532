using ConvSpec.Mnist;

namespace ConvSpec.Tests.Unit.Mnist;

/// <summary>The real MNIST, obtained (once, under the directory lock) and read for every spec that needs it.</summary>
public sealed class MnistDataFixture : IAsyncLifetime
{
    private MnistData? _data;

    public string Directory { get; } = MnistDirectory.Resolve();

    public MnistData Data => _data ?? throw new InvalidOperationException("MNIST has not been loaded yet.");

    public async ValueTask InitializeAsync() => _data = await MnistData.LoadAsync(Directory);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
