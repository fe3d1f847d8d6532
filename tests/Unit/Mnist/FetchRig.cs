namespace ConvSpec.Tests.Unit.Mnist;

/// <summary>What every fetcher spec fetches with: a folder of its own, a loopback server and an HTTP client, disposed together.</summary>
public sealed class FetchRig : IDisposable
{
    private readonly IdxFiles _folder = new();

    public LoopbackServer Server { get; } = new();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(20) };

    /// <summary>The folder the fetch writes into, which the rig created.</summary>
    public string Folder => _folder.Directory;

    public void Dispose()
    {
        Http.Dispose();
        Server.Dispose();
        _folder.Dispose();
    }
}
