using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Tandem.Bench.CardDav;

/// <summary>
/// A reverse proxy on 127.0.0.1 in front of a CardDAV server that counts the HTTP requests passing through, per
/// method. It works on TCP and only frames requests (head, then Content-Length or chunked body), so it keeps every
/// connection behaviour of the server as the client would see it (Radicale's HTTP/1.0 close after each answer,
/// Xandikos' keep-alive): both tools are counted the same way and pay the same small cost.
/// </summary>
public sealed class CountingProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int upstreamPort;
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, byte> connections = new();
    private readonly Task accepting;

    public CountingProxy(int upstreamPort)
    {
        this.upstreamPort = upstreamPort;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>The requests counted since the last call, and the count starts again.</summary>
    public RequestCounts TakeCounts()
    {
        var taken = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var method in counts.Keys)
        {
            if (counts.TryRemove(method, out var n))
            {
                taken[method] = n;
            }
        }

        return new RequestCounts(taken.Values.Sum(), taken);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        await Task.WhenAll(connections.Keys);
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var connection = RelayAsync(client);
            connections.TryAdd(connection, 0);
            _ = connection.ContinueWith(t => connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                client.NoDelay = true;
                upstream.NoDelay = true;
                await upstream.ConnectAsync(IPAddress.Loopback, upstreamPort, stopping.Token);
                var fromClient = client.GetStream();
                var toServer = upstream.GetStream();
                var requests = ForwardRequestsAsync(fromClient, toServer, upstream.Client);
                var answers = ForwardAnswersAsync(toServer, fromClient, client.Client);
                await Task.WhenAll(requests, answers);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A side closed abruptly: the client sees the same as it would from the server itself.
            }
        }
    }

    private async Task ForwardRequestsAsync(NetworkStream from, NetworkStream to, Socket server)
    {
        var framer = new RequestFramer(from, to);
        while (await framer.ForwardHeadAsync(stopping.Token) is { } method)
        {
            counts.AddOrUpdate(method, 1, (_, n) => n + 1);
            await framer.ForwardBodyAsync(stopping.Token);
        }

        Shutdown(server);
    }

    private async Task ForwardAnswersAsync(NetworkStream from, NetworkStream to, Socket client)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, stopping.Token)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), stopping.Token);
        }

        // The server closed (Radicale does after every answer): so does the proxy, towards the client.
        Shutdown(client);
    }

    private static void Shutdown(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }
}
