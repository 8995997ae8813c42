using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Tandem.Web.Hosting;
using Tandem.Web.Sandbox;

namespace Tandem.Web.Services.Accounts;

/// <summary>
/// Keeps user-supplied URLs (CardDAV servers, API base URLs) from reaching the server's own internal
/// addresses (PRODUCT.md §8), unless the operator allows it or the URL is one of the hosted sandbox apps.
/// Checks the host as written and what it resolves to now.
/// </summary>
public sealed class UrlGuard(HostedSandboxes sandbox, IOptions<TandemWebOptions> options)
{
    /// <summary>Why <paramref name="value"/> is refused, or null when it is not a URL or is allowed.</summary>
    public string? Refuse(string value)
    {
        if (options.Value.AllowInternalUrls
            || !Uri.TryCreate(value, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || sandbox.IsSandboxUrl(url))
        {
            return null;
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(url.IdnHost, out var literal))
        {
            addresses = [literal];
        }
        else if (url.IsLoopback)
        {
            addresses = [IPAddress.Loopback];
        }
        else
        {
            try
            {
                addresses = Dns.GetHostAddresses(url.IdnHost);
            }
            catch (SocketException)
            {
                // An unknown host reaches nothing internal; the account test reports it as unreachable.
                return null;
            }
        }

        return addresses.Any(IsInternal)
            ? "points at an internal address, which this server does not allow (the operator can set Tandem:AllowInternalUrls)."
            : null;
    }

    private static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal)
        {
            return true;
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
            || b[0] == 0;
    }
}
