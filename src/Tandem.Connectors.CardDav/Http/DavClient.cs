using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.CardDav.Http;

/// <summary>
/// HTTP to one CardDAV server: Basic auth, no redirects followed, requests only to the server's own
/// origin (an href pointing elsewhere is refused), and transport failures turned into
/// <see cref="ConnectorException"/>s whose messages name the server, never the credentials.
/// </summary>
internal sealed class DavClient : IDisposable
{
    private readonly HttpClient http;
    private readonly AuthenticationHeaderValue authorization;
    private volatile bool closeConnections;

    public DavClient(Uri origin, string userName, string password, CardDavOptions options)
    {
        Origin = new Uri(origin.GetLeftPart(UriPartial.Authority) + "/");
        var guard = new NetworkGuard(options);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            Credentials = null,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = guard.ConnectAsync,
        };
        http = new HttpClient(handler) { Timeout = options.RequestTimeout };
        authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password)));
    }

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

        // Radicale's built-in server answers HTTP/1.0; .NET then fails the next request when a response body was
        // left unread ("response ended prematurely"). Such a server gets one connection per request, and its
        // bodies are buffered (no streaming) before the caller sees them.
        if (closeConnections)
        {
            request.Headers.ConnectionClose = true;
        }
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (FindBlocked(ex) is { } blocked)
        {
            throw new ConnectorException(blocked.Message, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectorException($"The CardDAV server {ServerName} could not be reached ({ex.HttpRequestError}).", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorException($"The CardDAV server {ServerName} did not answer in time.", ex);
        }

        if (response.Version < HttpVersion.Version11)
        {
            closeConnections = true;
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
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

    public void Dispose() => http.Dispose();

    private static BlockedAddressException? FindBlocked(Exception ex)
    {
        for (var e = ex.InnerException; e is not null; e = e.InnerException)
        {
            if (e is BlockedAddressException blocked)
            {
                return blocked;
            }
        }

        return null;
    }
}
