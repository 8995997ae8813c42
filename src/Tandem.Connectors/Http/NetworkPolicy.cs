using System.Net;

namespace Tandem.Connectors.Http;

/// <summary>
/// Which addresses a connector may reach, decided by the host (the web server's operator, the command line), never by
/// an account. By default only public addresses: account settings come from users, and a user must not be able to make
/// Tandem probe its own network (loopback, the LAN, cloud metadata). The check runs on the resolved addresses at connect
/// time, so a name that resolves, or re-resolves later (DNS rebinding), to an internal address is refused too.
/// </summary>
public sealed class NetworkPolicy
{
    private readonly HashSet<string> hosts;
    private readonly HashSet<string> endpoints;

    private NetworkPolicy(bool allowPrivateNetworks, IEnumerable<Uri> allowedUrls, IEnumerable<string> allowedHosts, Func<string, CancellationToken, Task<IPAddress[]>>? resolver, string hint = "")
    {
        Hint = hint;
        AllowPrivateNetworks = allowPrivateNetworks;
        AllowedUrls = [.. allowedUrls];
        AllowedHosts = [.. allowedHosts.Select(Bare)];
        hosts = AllowedHosts.ToHashSet(StringComparer.OrdinalIgnoreCase);
        endpoints = AllowedUrls.Select(Endpoint).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Resolver = resolver;
    }

    /// <summary>Public addresses only: what a shared server and every test start from.</summary>
    public static NetworkPolicy PublicOnly { get; } = new(false, [], [], null);

    /// <summary>The host's sentence on how to allow an internal address, added to every refusal ("Run with --allow-internal-urls…").</summary>
    public string Hint { get; }

    /// <summary>Every address, internal ones included (a self-hosted Tandem whose apps live on the LAN).</summary>
    public static NetworkPolicy PrivateNetworksAllowed { get; } = new(true, [], [], null);

    /// <summary>True when internal addresses (loopback, RFC 1918, link-local…) may be reached at all.</summary>
    public bool AllowPrivateNetworks { get; }

    /// <summary>
    /// Exact base URLs allowed even when internal (the hosted sandbox apps, a test server): their scheme, host and port
    /// are allowed, nothing else on that machine.
    /// </summary>
    public IReadOnlyList<Uri> AllowedUrls { get; }

    /// <summary>Host names or IP addresses allowed on any port even when internal ("dav.lan"); the operator's choice.</summary>
    public IReadOnlyList<string> AllowedHosts { get; }

    /// <summary>Resolves a host name to its addresses; null uses DNS. Tests point names at chosen addresses.</summary>
    public Func<string, CancellationToken, Task<IPAddress[]>>? Resolver { get; }

    /// <summary>Public addresses and these exact base URLs: how a test reaches its server on 127.0.0.1 in one line.</summary>
    public static NetworkPolicy Allowing(params Uri[] urls) => PublicOnly.AndAllowing(urls);

    /// <summary>This policy, also allowing these exact base URLs.</summary>
    public NetworkPolicy AndAllowing(params IEnumerable<Uri> urls) => new(AllowPrivateNetworks, AllowedUrls.Concat(urls), AllowedHosts, Resolver, Hint);

    /// <summary>This policy, also allowing these hosts on any port.</summary>
    public NetworkPolicy AndAllowingHosts(IEnumerable<string> allowed) => new(AllowPrivateNetworks, AllowedUrls, AllowedHosts.Concat(allowed), Resolver, Hint);

    /// <summary>This policy with internal addresses allowed or not.</summary>
    public NetworkPolicy WithPrivateNetworks(bool allowed) => allowed == AllowPrivateNetworks ? this : new(allowed, AllowedUrls, AllowedHosts, Resolver, Hint);

    /// <summary>This policy resolving names with <paramref name="resolve"/> instead of DNS.</summary>
    public NetworkPolicy ResolvingWith(Func<string, CancellationToken, Task<IPAddress[]>> resolve) => new(AllowPrivateNetworks, AllowedUrls, AllowedHosts, resolve, Hint);

    /// <summary>This policy, telling users how the host allows internal addresses.</summary>
    public NetworkPolicy WithHint(string hint) => new(AllowPrivateNetworks, AllowedUrls, AllowedHosts, Resolver, hint);

    /// <summary>True when <paramref name="url"/>'s scheme, host and port are one of <see cref="AllowedUrls"/>.</summary>
    public bool IsExplicitlyAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri && endpoints.Contains(Endpoint(url));
    }

    /// <summary>True when a connection to <paramref name="address"/>, reached as host:port, is allowed.</summary>
    public bool Permits(string host, int port, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var bare = Bare(host);
        return AllowPrivateNetworks
            || !InternalAddresses.Contains(address)
            || hosts.Contains(bare)
            || hosts.Contains(address.ToString())
            || endpoints.Contains(bare + ":" + port);
    }

    /// <summary>Loopback, private (RFC 1918, unique-local), link-local, shared (CGNAT), unspecified and multicast addresses.</summary>
    public static bool IsInternal(IPAddress address) => InternalAddresses.Contains(address);

    private static string Endpoint(Uri url) => Bare(url.IdnHost) + ":" + url.Port;

    private static string Bare(string host) => host.Trim().TrimStart('[').TrimEnd(']').ToLowerInvariant();
}
