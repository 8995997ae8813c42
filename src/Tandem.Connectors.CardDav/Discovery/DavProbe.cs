using System.Net.Http.Headers;
using Tandem.Connectors.CardDav.Dav;

namespace Tandem.Connectors.CardDav.Discovery;

/// <summary>What one discovery PROPFIND found: the WebDAV answer when there was one, and the answer in words for error messages.</summary>
/// <param name="Response">The first <c>response</c> of a 207 multistatus, else null.</param>
/// <param name="Answer">"200 OK (text/html)", "404 Not Found": what the server said, for a message that tells the user why.</param>
internal sealed record DavProbe(DavResponse? Response, string Answer)
{
    public static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.ReasonPhrase}{MediaType(response.Content.Headers.ContentType)}".TrimEnd();

    private static string MediaType(MediaTypeHeaderValue? type) => type?.MediaType is { Length: > 0 } m ? $" ({m})" : string.Empty;
}
