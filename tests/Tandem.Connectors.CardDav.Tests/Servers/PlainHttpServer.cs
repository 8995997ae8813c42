using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Tandem.Connectors.CardDav.Tests.Servers;

/// <summary>
/// An ordinary web server on 127.0.0.1 that knows nothing of WebDAV: every request gets the same scripted
/// answer (a web page, a 404, a body that is not XML), or no answer at all. It records what it was asked.
/// </summary>
public sealed class PlainHttpServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private readonly CancellationTokenSource stopping = new();

    private PlainHttpServer(int port, int status, string contentType, string body, bool answers)
    {
        Port = port;
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        loop = Task.Run(() => ServeAsync(status, contentType, body, answers));
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>"PROPFIND /", "PROPFIND /.well-known/carddav": every request received, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>A server answering every request with this status, content type and body.</summary>
    public static PlainHttpServer Answering(int status, string contentType, string body) =>
        new(DavServerProcess.FreePort(), status, contentType, body, answers: true);

    /// <summary>A server that accepts requests and never answers them.</summary>
    public static PlainHttpServer Silent() => new(DavServerProcess.FreePort(), 200, "text/plain", string.Empty, answers: false);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (ObjectDisposedException)
        {
        }

        stopping.Dispose();
    }

    private async Task ServeAsync(int status, string contentType, string body, bool answers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Requests.Enqueue($"{context.Request.HttpMethod} {context.Request.Url?.AbsolutePath}");
            if (!answers)
            {
                // The client gives up on its own timeout; the open request is dropped when the listener stops.
                continue;
            }

            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
