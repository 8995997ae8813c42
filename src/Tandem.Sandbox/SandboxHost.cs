using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox;

/// <summary>
/// Runs one sandbox app on Kestrel, bound to 127.0.0.1 only (port 0 picks a free port). Each app gets its own
/// host so it can own the vendor's root paths (<c>/v1/…</c>, <c>/token</c>) exactly as the real API does. A sandbox built on
/// the kit (<see cref="IRoutedSandbox"/>) has its endpoints mapped on this host; any other app answers every request itself.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication web;

    private SandboxHost(WebApplication web, ISandboxApp app, Uri baseUri)
    {
        this.web = web;
        App = app;
        BaseUri = baseUri;
    }

    public ISandboxApp App { get; }

    /// <summary>The app's base URL, ending in a slash (<c>http://127.0.0.1:54321/</c>).</summary>
    public Uri BaseUri { get; }

    public static Task<SandboxHost> StartAsync(ISandboxApp app, int port = 0, CancellationToken cancellationToken = default) =>
        StartAsync(app, port, observer: null, cancellationToken);

    /// <summary>
    /// Starts the app; when <paramref name="observer"/> is given it sees every exchange with the bodies as sent, after
    /// the answer is complete (tests validate the traffic against the vendor's API description with it).
    /// </summary>
    public static async Task<SandboxHost> StartAsync(ISandboxApp app, int port, Action<SandboxExchange>? observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);

            // Vendors take longer request lines than Kestrel's 8 KB default: Google's people:batchGet carries up to 200
            // resourceNames in its query (~7.5 KB of them alone), which Kestrel would refuse before the app saw it.
            k.Limits.MaxRequestLineSize = 64 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 96 * 1024;
        });
        var web = builder.Build();
        if (observer is not null)
        {
            web.Use(next => context => ExchangeRecorder.HandleAsync(next, context, observer));
        }

        if (app is IRoutedSandbox routed)
        {
            // A kit sandbox's paths are endpoints of this host (route groups per API prefix, its own catch-all 404).
            web.UseRouting();
            routed.MapEndpoints(web);
        }
        else
        {
            web.Run(app.HandleAsync);
        }

        await web.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SandboxHost(web, app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await web.StopAsync().ConfigureAwait(false);
        await web.DisposeAsync().ConfigureAwait(false);
    }
}
