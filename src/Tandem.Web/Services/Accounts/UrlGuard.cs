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

    /// <summary>
    /// Why a user may not give <paramref name="value"/> for <paramref name="field"/>, or null. An app with a consent page
    /// sends its client secret, refresh token and access tokens to its addresses, so only the server chooses them: the
    /// connector's own (left empty), the operator's OAuth client, or the app's sandbox.
    /// </summary>
    public string? RefuseAddress(ConnectorDescriptor descriptor, SettingField field, string value)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(field);
        if (descriptor.OAuth is null || !field.IsAddress || !Uri.TryCreate(value, UriKind.Absolute, out var url))
        {
            return null;
        }

        return ServerAddresses(descriptor.App).Contains(Exact(url))
            ? null
            : $"is chosen by this server for {descriptor.DisplayName}, not by a user: leave it empty.";
    }

    /// <summary>The addresses this server itself gives an app's accounts: its sandbox's and its OAuth client's.</summary>
    private HashSet<string> ServerAddresses(string app)
    {
        var urls = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (sandbox.Find(app) is { } running)
        {
            foreach (var value in running.Values.Values)
            {
                if (Uri.TryCreate(value, UriKind.Absolute, out var url))
                {
                    urls.Add(Exact(url));
                }
            }
        }

        if (oauth.Find(app) is { } client)
        {
            AddClient(urls, client);
        }

        return urls;
    }

    private static void AddClient(HashSet<string> urls, OAuthApp client)
    {
        urls.Add(Exact(client.TokenUrl));
        urls.Add(Exact(client.AuthorizeUrl));
        urls.Add(Exact(new Uri(client.AuthorizeUrl.GetLeftPart(UriPartial.Authority) + "/")));
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
                AddClient(urls, client);
            }
        }

        return urls;
    }

    /// <summary>A URL as compared: scheme, host, port and path (without a trailing slash), query and fragment kept.</summary>
    private static string Exact(Uri url) => url.GetLeftPart(UriPartial.Path).TrimEnd('/') + url.Query + url.Fragment;
}
