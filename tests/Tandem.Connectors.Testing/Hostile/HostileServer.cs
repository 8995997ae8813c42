using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tandem.Sandbox;

namespace Tandem.Connectors.Testing.Hostile;

/// <summary>
/// An app on 127.0.0.1 that answers an account's listing the way a broken or hostile server would (see
/// <see cref="Hostility"/>): a redirect, a body of hundreds of megabytes, a body that trickles, a listing that never
/// ends. Everything around the listing (tokens, field lists) is answered honestly by the <see cref="HostileVendor"/>, so
/// the connector gets as far as the listing. It counts what it was asked and what it sent.
/// </summary>
public sealed class HostileServer : ISandboxApp, IAsyncDisposable
{
    private readonly HostileVendor vendor;
    private readonly TaskCompletionSource<long> bodyEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> paths = new();
    private SandboxHost? host;
    private int requests;
    private int listingRequests;
    private long bytesSent;

    private HostileServer(HostileVendor vendor)
    {
        this.vendor = vendor;
    }

    public string App => "hostile";

    /// <summary>Where it listens (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri BaseUri => host?.BaseUri ?? throw new InvalidOperationException("The hostile server is not started.");

    public Hostility Mode { get; set; }

    public Uri? RedirectTarget { get; set; }

    public long HugeBodyBytes { get; set; } = 400L * 1024 * 1024;

    /// <summary>Requests received, of every kind.</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>The path of every request received, in order.</summary>
    public IReadOnlyCollection<string> Paths => paths;

    /// <summary>Listing requests received.</summary>
    public int ListingRequests => Volatile.Read(ref listingRequests);

    /// <summary>Bytes of hostile bodies written so far.</summary>
    public long BytesSent => Interlocked.Read(ref bytesSent);

    public static async Task<HostileServer> StartAsync(HostileVendor vendor, CancellationToken cancellationToken)
    {
        var server = new HostileServer(vendor);
        server.host = await SandboxHost.StartAsync(server, cancellationToken: cancellationToken);
        return server;
    }

    /// <summary>Completes with the bytes sent once a huge or trickling body stopped (the client went away, or it was all sent).</summary>
    public Task<long> BodyEndedAsync(CancellationToken cancellationToken) => bodyEnded.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

    public async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        paths.Enqueue(context.Request.Path.Value ?? "/");
        if (!vendor.IsListing(context.Request))
        {
            await WriteJsonAsync(context, vendor.Setup(context.Request, BaseUri));
            return;
        }

        var number = Interlocked.Increment(ref listingRequests);
        switch (Mode)
        {
            case Hostility.Redirect:
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = (RedirectTarget ?? throw new InvalidOperationException("No redirect target.")).ToString();
                return;
            case Hostility.HugeBody:
                await StreamAsync(context, HugeBodyBytes, TimeSpan.Zero);
                return;
            case Hostility.Trickle:
                await StreamAsync(context, long.MaxValue, TimeSpan.FromSeconds(1));
                return;
            case Hostility.EndlessListing:
                await WriteJsonAsync(context, vendor.PageBody(number, more: true));
                return;
            default:
                await WriteJsonAsync(context, vendor.PageBody(number, more: false));
                return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>A JSON string value that never closes, written in chunks (one byte at a time when trickling), until the client goes.</summary>
    private async Task StreamAsync(HttpContext context, long total, TimeSpan pause)
    {
        context.Response.StatusCode = vendor.BodyStatus;
        context.Response.ContentType = vendor.BodyType;
        var chunk = pause > TimeSpan.Zero ? "a"u8.ToArray() : Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
        try
        {
            await context.Response.BodyWriter.WriteAsync(vendor.BodyStart, context.RequestAborted);

            // Through the pipe writer: its flush result says when the client hung up (Kestrel turns later writes into
            // no-ops, so counting them would overstate what was sent).
            while (BytesSent < total && !context.RequestAborted.IsCancellationRequested)
            {
                var flushed = await context.Response.BodyWriter.WriteAsync(chunk, context.RequestAborted);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    break;
                }

                Interlocked.Add(ref bytesSent, chunk.Length);
                if (pause > TimeSpan.Zero)
                {
                    // The hostile behaviour itself: one byte a second, as a slow-loris server sends it.
                    await Task.Delay(pause, context.RequestAborted);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client hung up: what the tests expect.
        }
        finally
        {
            bodyEnded.TrySetResult(BytesSent);
        }
    }
}
