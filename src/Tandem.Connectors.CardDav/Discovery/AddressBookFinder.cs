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
        var probe = await PropfindOneAsync(serverUrl, cancellationToken, DavNames.CurrentUserPrincipal, DavNames.ResourceType, DavNames.DisplayName, DavNames.SupportedReportSet).ConfigureAwait(false);
        var start = probe.Response;
        if (start is { IsAddressBook: true })
        {
            return [Book(new Uri(serverUrl, start.Href.Length > 0 ? start.Href : serverUrl.AbsolutePath), start)];
        }

        var principal = HrefIn(start, DavNames.CurrentUserPrincipal, serverUrl);
        if (principal is null)
        {
            var wellKnown = await PrincipalFromWellKnownAsync(cancellationToken).ConfigureAwait(false);
            principal = HrefIn(wellKnown.Response, DavNames.CurrentUserPrincipal, wellKnown.Base)
                ?? throw NotCardDav(serverUrl, probe, wellKnown.Probe);
        }

        var principalProbe = await PropfindOneAsync(principal, cancellationToken, DavNames.AddressBookHomeSet).ConfigureAwait(false);
        var home = HrefIn(principalProbe.Response, DavNames.AddressBookHomeSet, principal)
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

    /// <summary>
    /// A user who typed the address of a web page, a file server or a mistyped path gets a sentence saying what the
    /// server answered instead of WebDAV, so they can see it is the address that is wrong.
    /// </summary>
    private ConnectorException NotCardDav(Uri serverUrl, DavProbe start, DavProbe wellKnown)
    {
        var given = client.Origin.Authority + serverUrl.AbsolutePath;
        return new ConnectorException(
            $"The address {given} does not look like a CardDAV server: it answered the WebDAV request (PROPFIND) with {start.Answer}, " +
            $"and {client.Origin.Authority}/.well-known/carddav answered with {wellKnown.Answer}. " +
            "Check the server address: it is the one your provider gives for CardDAV or contacts sync.");
    }

    /// <summary>The principal's PROPFIND answer via <c>/.well-known/carddav</c>, the URL it is relative to, and the probe for messages.</summary>
    private async Task<(DavResponse? Response, Uri Base, DavProbe Probe)> PrincipalFromWellKnownAsync(CancellationToken cancellationToken)
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

            var redirected = await PropfindOneAsync(next, cancellationToken, DavNames.CurrentUserPrincipal).ConfigureAwait(false);
            return (redirected.Response, next, redirected with { Answer = $"a redirect to {next.AbsolutePath}, which answered {redirected.Answer}" });
        }

        var answer = response.StatusCode == HttpStatusCode.MultiStatus ? await FirstResponseAsync(response, cancellationToken).ConfigureAwait(false) : null;
        return (answer, target, new DavProbe(answer, Answer(response, answer)));
    }

    /// <summary>The Depth 0 PROPFIND answer for a URL; its response is null when the URL does not speak WebDAV there.</summary>
    private async Task<DavProbe> PropfindOneAsync(Uri url, CancellationToken cancellationToken, params System.Xml.Linq.XName[] properties)
    {
        using var request = DavRequests.Propfind(url, 0, properties);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = response.StatusCode == HttpStatusCode.MultiStatus ? await FirstResponseAsync(response, cancellationToken).ConfigureAwait(false) : null;
        return new DavProbe(answer, Answer(response, answer));
    }

    private static string Answer(HttpResponseMessage response, DavResponse? answer) =>
        response.StatusCode == HttpStatusCode.MultiStatus
            ? $"a WebDAV answer naming no current-user-principal{(answer is null ? " (an empty multistatus)" : string.Empty)}"
            : DavProbe.Describe(response);

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
