using System.Net;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Xml.Linq;

namespace Tandem.Bench.CardDav;

/// <summary>
/// Straight to the server, never through the counting proxy: makes the books, plays the user's edits between steps
/// and reads every card back for the end-state comparison. None of this is measured.
/// </summary>
public sealed class DavBookClient : IDisposable
{
    private static readonly XNamespace Dav = "DAV:";
    private static readonly XNamespace CardDav = "urn:ietf:params:xml:ns:carddav";
    private readonly HttpClient http;

    public DavBookClient(Uri server, DavFlavour flavour)
    {
        // Radicale answers HTTP/1.0 and closes every connection, which .NET would reuse: never reuse one here.
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.ConnectionClose = true;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(flavour.UserName + ":" + flavour.Password)));
    }

    public async Task CreateBookAsync(string path, string displayName, CancellationToken cancellationToken)
    {
        var body = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:set><d:prop>
            <d:resourcetype><d:collection/><c:addressbook/></d:resourcetype><d:displayname>{SecurityElement.Escape(displayName)}</d:displayname>
            </d:prop></d:set></d:mkcol>
            """;
        using var request = new HttpRequestMessage(new HttpMethod("MKCOL"), path) { Content = new StringContent(body, Encoding.UTF8, "application/xml") };
        await SendAsync(request, cancellationToken);
    }

    public async Task PutAsync(string book, string name, string text, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, book + name) { Content = new StringContent(text, new UTF8Encoding(false), "text/vcard") };
        await SendAsync(request, cancellationToken);
    }

    public async Task DeleteAsync(string book, string name, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, book + name);
        await SendAsync(request, cancellationToken);
    }

    /// <summary>The text of every card in the book (PROPFIND Depth 1, then addressbook-multiget in batches).</summary>
    public async Task<List<string>> ReadAllAsync(string book, CancellationToken cancellationToken)
    {
        using var propfind = new HttpRequestMessage(new HttpMethod("PROPFIND"), book)
        {
            Content = new StringContent("""<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>""", Encoding.UTF8, "application/xml"),
        };
        propfind.Headers.Add("Depth", "1");
        var listing = await SendForXmlAsync(propfind, cancellationToken);
        var hrefs = listing.Descendants(Dav + "href").Select(h => h.Value.Trim()).Where(h => h.EndsWith(".vcf", StringComparison.Ordinal)).ToList();
        var cards = new List<string>(hrefs.Count);
        foreach (var batch in hrefs.Chunk(500))
        {
            var body = new XElement(
                CardDav + "addressbook-multiget",
                new XAttribute(XNamespace.Xmlns + "d", Dav.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "c", CardDav.NamespaceName),
                new XElement(Dav + "prop", new XElement(Dav + "getetag"), new XElement(CardDav + "address-data")),
                batch.Select(h => new XElement(Dav + "href", h)));
            using var report = new HttpRequestMessage(new HttpMethod("REPORT"), book) { Content = new StringContent(body.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "application/xml") };
            report.Headers.Add("Depth", "1");
            var answer = await SendForXmlAsync(report, cancellationToken);
            cards.AddRange(answer.Descendants(CardDav + "address-data").Select(d => d.Value));
        }

        return cards;
    }

    public void Dispose() => http.Dispose();

    private async Task<XDocument> SendForXmlAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.MultiStatus)
        {
            throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}.");
        }

        return XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private async Task SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}.");
        }
    }
}
