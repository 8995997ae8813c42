using System.Net;
using System.Net.Sockets;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.CardDav.Http;

/// <summary>
/// Decides which addresses a user-supplied server URL may reach. The check runs on the resolved
/// addresses at connect time (not on the host name), so a name that resolves to an internal address,
/// or re-resolves to one later (DNS rebinding), is refused too.
/// </summary>
internal sealed class NetworkGuard
{
    private readonly CardDavOptions options;
    private readonly HashSet<string> allowedHosts;

    public NetworkGuard(CardDavOptions options)
    {
        this.options = options;
        allowedHosts = options.AllowedHosts.Select(h => h.Trim().TrimStart('[').TrimEnd(']')).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Resolves the host and opens a connection to its first permitted address.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.TrimStart('[').TrimEnd(']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var permitted = addresses.Where(a => IsPermitted(host, a)).ToArray();
        if (permitted.Length == 0)
        {
            throw new BlockedAddressException($"The CardDAV server '{host}' resolves to an internal network address, which this Tandem does not allow.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(permitted, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public bool IsPermitted(string host, IPAddress address) =>
        options.AllowPrivateNetworks
        || allowedHosts.Contains(host)
        || allowedHosts.Contains(address.ToString())
        || !IsInternal(address);

    /// <summary>Loopback, private (RFC 1918, unique-local), link-local, shared (CGNAT), unspecified and multicast addresses.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || b[0] >= 224;
        }

        var bytes = address.GetAddressBytes();
        return address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (bytes[0] & 0xFE) == 0xFC;
    }
}
