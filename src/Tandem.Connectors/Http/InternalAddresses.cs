using System.Net;
using System.Net.Sockets;

namespace Tandem.Connectors.Http;

/// <summary>The address ranges a user-supplied URL must not reach unless the host allows it.</summary>
internal static class InternalAddresses
{
    /// <summary>Loopback, private (RFC 1918, unique-local), link-local, shared (CGNAT), unspecified and multicast addresses.</summary>
    public static bool Contains(IPAddress address)
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
        return address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || (bytes[0] & 0xFE) == 0xFC;
    }
}
