using System.Net;
using System.Net.Sockets;

namespace ConvSpec.Tests.Unit.Mnist;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 for the fetcher specs. Each path maps to a body; a truncated path
/// announces the full length, sends half and aborts the connection. Unknown paths answer 404.
/// Disposing stops it.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (byte[] Body, bool Truncate)> _routes = [];
    private readonly Task _loop;

    public Uri BaseAddress { get; }

    public LoopbackServer()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public void Serve(string path, byte[] body, bool truncate = false) => _routes["/" + path] = (body, truncate);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var response = context.Response;
            if (!_routes.TryGetValue(context.Request.Url!.AbsolutePath, out var route))
            {
                response.StatusCode = 404;
                response.Close();
                continue;
            }
            response.ContentLength64 = route.Body.Length;
            var sent = route.Truncate ? route.Body.Length / 2 : route.Body.Length;
            try
            {
                await response.OutputStream.WriteAsync(route.Body.AsMemory(0, sent));
                if (route.Truncate)
                {
                    await response.OutputStream.FlushAsync();
                    response.Abort();
                }
                else
                {
                    response.Close();
                }
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                response.Abort();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        // Close alone: after Stop, Close unregisters the prefix a second time, and on Linux that binds the
        // port again, which fails with "Address already in use" when the port has meanwhile been taken.
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
