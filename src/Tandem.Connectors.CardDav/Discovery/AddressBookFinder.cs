using System.Net;
using Tandem.Connectors.CardDav.Dav;
using Tandem.Connectors.CardDav.Http;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.CardDav.Discovery;

/// <summary>
/// Finds the address books of an account (RFC 6764, 5397, 6352 §7): the URL given (which may itself be an
/// address book), else <c>/.well-known/carddav</c>; then current-user-principal, addressbook-home-set and
/// the address books in the home.
/// </summary>
internal sealed class AddressBookFinder
{
    private readonly DavClient client;

    public AddressBookFinder(DavClient client)
    {
        this.client = client;
    }

    public async Task<IReadOnlyList<AddressBookInfo>> FindAsync(Uri serverUrl, CancellationToken cancellationToken)
    {
        var start = await PropfindOneAsync(serverUrl, cancellationToken, DavNames.CurrentUserPrincipal, DavNames.ResourceType, DavNames.DisplayName, DavNames.SupportedReportSet).ConfigureAwait(false);
        if (start is { IsAddressBook: true })
        {
            return [Book(new Uri(serverUrl, start.Href.Length > 0 ? start.Href : serverUrl.AbsolutePath), start)];
        }

        var principal = HrefIn(start, DavNames.CurrentUserPrincipal, serverUrl)
            ?? await PrincipalFromWellKnownAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectorException($"{client.Origin.Authority} does not look like a CardDAV server: neither the address given nor /.well-known/carddav names a current-user-principal.");

        var principalResponse = await PropfindOneAsync(principal, cancellationToken, DavNames.AddressBookHomeSet).ConfigureAwait(false);
        var home = HrefIn(principalResponse, DavNames.AddressBookHomeSet, principal)
            ?? throw new ConnectorException($"The CardDAV server {client.Origin.Authority} names no address book home (addressbook-home-set) for this user.");

        var books = new List<AddressBookInfo>();
        using var request = DavRequests.Propfind(home, 1, DavNames.ResourceType, DavNames.DisplayName, DavNames.SupportedReportSet);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.MultiStatus)
        {
            throw client.Unexpected(request, response);
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var element in MultistatusReader.ReadAsync(body, cancellationToken).ConfigureAwait(false))
        {
            if (element.Name == DavNames.Response && DavResponse.Parse(element) is { IsAddressBook: true } book)
            {
                books.Add(Book(new Uri(home, book.Href), book));
            }
        }

        return books;
    }

    private static AddressBookInfo Book(Uri url, DavResponse response)
    {
        var path = url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
        var name = Uri.UnescapeDataString(path.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        var reports = response.Property(DavNames.SupportedReportSet)?.Descendants(DavNames.SyncCollection).Any() ?? false;
        var display = response.Text(DavNames.DisplayName)?.Trim();
        return new AddressBookInfo(path, name, string.IsNullOrEmpty(display) ? null : display, reports);
    }

    private async Task<Uri?> PrincipalFromWellKnownAsync(CancellationToken cancellationToken)
    {
        var target = new Uri(client.Origin, "/.well-known/carddav");
        using var request = DavRequests.Propfind(target, 0, DavNames.CurrentUserPrincipal);
        using var response = await client.SendAsync(request, cancellationToken, allowRedirect: true).ConfigureAwait(false);
        if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            // The well-known URI is meant to redirect (RFC 6764 §5); only a redirect within the same server is followed.
            var next = new Uri(target, location);
            if (!client.IsSameOrigin(next))
            {
                throw new ConnectorException($"{client.Origin.Authority}/.well-known/carddav redirects to another server; enter that server's address instead.");
            }

            return HrefIn(await PropfindOneAsync(next, cancellationToken, DavNames.CurrentUserPrincipal).ConfigureAwait(false), DavNames.CurrentUserPrincipal, next);
        }

        return response.StatusCode == HttpStatusCode.MultiStatus
            ? HrefIn(await FirstResponseAsync(response, cancellationToken).ConfigureAwait(false), DavNames.CurrentUserPrincipal, target)
            : null;
    }

    /// <summary>The Depth 0 PROPFIND answer for a URL, or null when the URL does not speak WebDAV there.</summary>
    private async Task<DavResponse?> PropfindOneAsync(Uri url, CancellationToken cancellationToken, params System.Xml.Linq.XName[] properties)
    {
        using var request = DavRequests.Propfind(url, 0, properties);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.MultiStatus ? await FirstResponseAsync(response, cancellationToken).ConfigureAwait(false) : null;
    }

    private static async Task<DavResponse?> FirstResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var element in MultistatusReader.ReadAsync(body, cancellationToken).ConfigureAwait(false))
        {
            if (element.Name == DavNames.Response)
            {
                return DavResponse.Parse(element);
            }
        }

        return null;
    }

    private static Uri? HrefIn(DavResponse? response, System.Xml.Linq.XName property, Uri baseUri)
    {
        var href = response?.Property(property)?.Element(DavNames.Href)?.Value.Trim();
        return string.IsNullOrEmpty(href) ? null : new Uri(baseUri, href);
    }
}
