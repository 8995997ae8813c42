using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.CardDav.Http;

/// <summary>
/// HTTP to one CardDAV server over the shared guarded transport (<see cref="ConnectorHttp"/>: the host's network
/// policy at connect time, a body cap and a deadline covering the body): Basic auth, no redirects followed, requests
/// only to the server's own origin (an href pointing elsewhere is refused), and transport failures turned into
/// <see cref="ConnectorException"/>s whose messages name the server, never the credentials.
/// </summary>
internal sealed class DavClient : IDisposable
{
    private readonly HttpClient pooled;
    private readonly HttpClient unpooled;
    private readonly AuthenticationHeaderValue authorization;
    private volatile bool http10;

    public DavClient(Uri origin, string userName, string password, CardDavOptions options, ConnectorContext context, ILogger logger)
    {
        Origin = new Uri(origin.GetLeftPart(UriPartial.Authority) + "/");
        var label = "the CardDAV server " + Origin.Authority;
        var limits = options.Limits;
        Listing = new ListingBudget(label, limits);
        pooled = new HttpClient(ConnectorHttp.Pipeline(label, context, limits, retry: null, logger)) { Timeout = options.RequestTimeout };

        // For HTTP/1.0 servers: a connection is never reused (a zero lifetime disposes it when the response ends).
        unpooled = new HttpClient(ConnectorHttp.Pipeline(label, context, limits, retry: null, logger, reuseConnections: false)) { Timeout = options.RequestTimeout };
        authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password)));
    }

    /// <summary>The listing pages and records of this connector's run.</summary>
    public ListingBudget Listing { get; }

    /// <summary>The server's scheme, host and port; every request stays within it.</summary>
    public Uri Origin { get; }

    private string ServerName => Origin.Authority;

    /// <summary>True when the URI is on the server's origin.</summary>
    public bool IsSameOrigin(Uri uri) => Uri.Compare(uri, Origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>
    /// Sends a request and returns the response once its headers arrived (the body streams). A 401 throws an
    /// authorisation failure; a redirect throws unless <paramref name="allowRedirect"/> (discovery only, and
    /// the caller still checks the target's origin).
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, bool allowRedirect = false)
    {
        if (request.RequestUri is not { } uri || !IsSameOrigin(uri))
        {
            throw new ConnectorException($"The CardDAV server {ServerName} pointed Tandem at another server, which is refused.");
        }

        request.Headers.Authorization = authorization;

        // Redirects are never followed; this client reads them itself, to refuse them with the address to use instead.
        RedirectAnswers.PassToCaller(request);

        // Radicale's built-in server (Python wsgiref) answers HTTP/1.0 without keep-alive and closes the connection
        // after each response, but .NET keeps such a connection in its pool and the next request sent on it fails
        // with "the response ended prematurely" (the server never sees it). Once a server answered HTTP/1.0, every
        // request goes through a client that never reuses a connection, says so (Connection: close), and has its
        // body read in full before the caller sees it.
        var http10Server = http10;
        if (http10Server)
        {
            request.Headers.ConnectionClose = true;
        }

        HttpResponseMessage response;
        try
        {
            response = await (http10Server ? unpooled : pooled).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.Version < HttpVersion.Version11)
            {
                http10 = true;
                await BufferAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectorException(TransportFailure.Describe(ServerName, ex), ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorException($"The CardDAV server {ServerName} did not answer in time.", ex);
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            throw new ConnectorException($"The CardDAV server {ServerName} refused the user name or password.") { IsAuthorizationFailure = true };
        }

        if (!allowRedirect && (int)response.StatusCode is >= 300 and < 400)
        {
            response.Dispose();
            throw new ConnectorException($"The CardDAV server {ServerName} answered {request.Method} with a redirect ({(int)response.StatusCode}); Tandem does not follow redirects. Use the address it redirects to.");
        }

        return response;
    }

    /// <summary>A failure for an unexpected status, naming the request and the status only.</summary>
    public ConnectorException Unexpected(HttpRequestMessage request, HttpResponseMessage response) =>
        new($"The CardDAV server {ServerName} answered {request.Method} with {(int)response.StatusCode} {response.ReasonPhrase}.")
        {
            IsAuthorizationFailure = response.StatusCode == HttpStatusCode.Forbidden && request.Method.Method == "PROPFIND",
        };

    public void Dispose()
    {
        pooled.Dispose();
        unpooled.Dispose();
    }

    private static async Task BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
