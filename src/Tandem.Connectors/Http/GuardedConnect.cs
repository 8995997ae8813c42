using System.Net;
using System.Net.Sockets;

namespace Tandem.Connectors.Http;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> every outgoing connection goes through: resolves the host,
/// keeps the addresses the <see cref="NetworkPolicy"/> permits, and connects to those only. Checking the addresses
/// actually connected to (not the name) covers a name that resolves to an internal address and DNS rebinding.
/// </summary>
internal sealed class GuardedConnect
{
    private readonly NetworkPolicy policy;

    public GuardedConnect(NetworkPolicy policy)
    {
        this.policy = policy;
    }

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.TrimStart('[').TrimEnd(']');
        var port = context.DnsEndPoint.Port;
        var addresses = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        var permitted = addresses.Where(a => policy.Permits(host, port, a)).ToArray();
        if (permitted.Length == 0)
        {
            throw new BlockedAddressException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(permitted, port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        return policy.Resolver is { } resolve
            ? await resolve(host, cancellationToken).ConfigureAwait(false)
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
    }
}
