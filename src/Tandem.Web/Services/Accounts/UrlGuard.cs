using System.Net;
using System.Net.Sockets;
using Tandem.Connectors.Catalog;
using Tandem.Web.OAuth;
using Tandem.Web.Sandbox;

namespace Tandem.Web.Services.Accounts;

/// <summary>
/// Keeps user-supplied URLs (CardDAV servers, API base URLs) from reaching the server's own internal addresses
/// (PRODUCT.md §8) when a form is sent, with the same <see cref="Connectors.Http.NetworkPolicy"/> the connectors'
/// transport enforces again at connect time (the operator's <c>Tandem:AllowInternalUrls</c>, the hosted sandbox apps).
/// At a sandbox app's address only the sandbox's own URLs are accepted, not any path of that origin (its consent page
/// redirects wherever it is told). Checks the host as written and what it resolves to now.
/// </summary>
public sealed class UrlGuard(HostedSandboxes sandbox, OAuthApps oauth, ConnectorContext connectors)
{
    /// <summary>Why <paramref name="value"/> is refused, or null when it is not a URL or is allowed.</summary>
    public string? Refuse(string value)
    {
        var policy = connectors.Network;
        if (policy.AllowPrivateNetworks
            || !Uri.TryCreate(value, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        if (policy.IsExplicitlyAllowed(url))
        {
            return SandboxUrls().Contains(Exact(url))
                ? null
                : "points at a sandbox app but is not one of its own addresses, which this server does not allow.";
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
                addresses = policy.Resolver is { } resolve ? resolve(url.IdnHost, CancellationToken.None).GetAwaiter().GetResult() : Dns.GetHostAddresses(url.IdnHost);
            }
            catch (SocketException)
            {
                // An unknown host reaches nothing internal; the account test reports it as unreachable.
                return null;
            }
        }

        return addresses.Any(a => !policy.Permits(url.IdnHost, url.Port, a))
            ? "points at an internal address, which this server does not allow (the operator can set Tandem:AllowInternalUrls)."
            : null;
    }

    /// <summary>The sandbox apps' own URLs: their settings' values and their OAuth endpoints.</summary>
    private HashSet<string> SandboxUrls()
    {
        var urls = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var app in sandbox.All)
        {
            foreach (var value in app.Values.Values)
            {
                if (Uri.TryCreate(value, UriKind.Absolute, out var url))
                {
                    urls.Add(Exact(url));
                }
            }

            if (oauth.Find(app.App) is { IsSandbox: true } client)
            {
                urls.Add(Exact(client.TokenUrl));
                urls.Add(Exact(client.AuthorizeUrl));
                urls.Add(Exact(new Uri(client.AuthorizeUrl.GetLeftPart(UriPartial.Authority) + "/")));
            }
        }

        return urls;
    }

    /// <summary>A URL as compared: scheme, host, port and path (without a trailing slash), query and fragment kept.</summary>
    private static string Exact(Uri url) => url.GetLeftPart(UriPartial.Path).TrimEnd('/') + url.Query + url.Fragment;
}
