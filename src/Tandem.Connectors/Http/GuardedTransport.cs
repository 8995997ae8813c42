using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;

namespace Tandem.Connectors.Http;

/// <summary>
/// The network end of every connector's pipeline: pooled <see cref="SocketsHttpHandler"/>s from
/// <see cref="IHttpMessageHandlerFactory"/> (connections shared by all accounts of a host and rotated, so DNS changes
/// are seen), each connecting through <see cref="GuardedConnect"/> with the host's <see cref="NetworkPolicy"/>, with
/// no redirects followed, no cookies, no ambient credentials and no trace headers. One set per policy.
/// </summary>
internal sealed class GuardedTransport
{
    private const string Pooled = "tandem-guarded";
    private const string Unpooled = "tandem-guarded-unpooled";

    private static readonly ConditionalWeakTable<NetworkPolicy, GuardedTransport> ByPolicy = [];

    private readonly IHttpMessageHandlerFactory handlers;

    private GuardedTransport(NetworkPolicy policy)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(Pooled).ConfigurePrimaryHttpMessageHandler(() => Handler(policy, TimeSpan.FromMinutes(5)));

        // For servers that close every connection after one answer (HTTP/1.0): a connection is never reused.
        services.AddHttpClient(Unpooled).ConfigurePrimaryHttpMessageHandler(() => Handler(policy, TimeSpan.Zero));
        handlers = services.BuildServiceProvider().GetRequiredService<IHttpMessageHandlerFactory>();
    }

    /// <summary>The transport for <paramref name="policy"/>, shared by every connector opened with it.</summary>
    public static GuardedTransport For(NetworkPolicy policy) => ByPolicy.GetValue(policy, p => new GuardedTransport(p));

    /// <summary>A handler over pooled connections; disposing it leaves the pool alone.</summary>
    public HttpMessageHandler Create(bool reuseConnections = true) => handlers.CreateHandler(reuseConnections ? Pooled : Unpooled);

    private static SocketsHttpHandler Handler(NetworkPolicy policy, TimeSpan connectionLifetime) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        Credentials = null,
        UseProxy = false,

        // No traceparent header to the vendors: Tandem's trace ids are the operator's, not the apps'.
        ActivityHeadersPropagator = null,
        PooledConnectionLifetime = connectionLifetime,
        ConnectCallback = new GuardedConnect(policy).ConnectAsync,
    };
}
