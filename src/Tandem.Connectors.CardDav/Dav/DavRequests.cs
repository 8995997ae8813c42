using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace Tandem.Connectors.CardDav.Dav;

/// <summary>The PROPFIND and REPORT requests the connector sends.</summary>
internal static class DavRequests
{
    private static readonly HttpMethod PropfindMethod = new("PROPFIND");
    private static readonly HttpMethod ReportMethod = new("REPORT");

    public static HttpRequestMessage Propfind(Uri uri, int depth, params XName[] properties) =>
        Xml(PropfindMethod, uri, depth, new XElement(DavNames.Propfind, new XElement(DavNames.Prop, properties.Select(p => new XElement(p)))));

    /// <summary>RFC 6578: the changes since <paramref name="syncToken"/> (all members when it is empty), with their etags.</summary>
    public static HttpRequestMessage SyncCollection(Uri book, string syncToken) =>
        Xml(ReportMethod, book, null, new XElement(
            DavNames.SyncCollection,
            new XElement(DavNames.SyncToken, syncToken),
            new XElement(DavNames.SyncLevel, "1"),
            new XElement(DavNames.Prop, new XElement(DavNames.GetEtag))));

    /// <summary>RFC 6352 §8.7: the etags and vCard text of the cards at these hrefs.</summary>
    public static HttpRequestMessage Multiget(Uri book, IEnumerable<string> hrefs) =>
        Xml(ReportMethod, book, 1, new XElement(
            DavNames.AddressBookMultiget,
            new XElement(DavNames.Prop, new XElement(DavNames.GetEtag), new XElement(DavNames.AddressData)),
            hrefs.Select(h => new XElement(DavNames.Href, h))));

    public static HttpRequestMessage Put(Uri card, string text, string? ifMatch, bool ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, card)
        {
            Content = new StringContent(text, new UTF8Encoding(false), new MediaTypeHeaderValue("text/vcard") { CharSet = "utf-8" }),
        };
        if (ifNoneMatch)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    private static HttpRequestMessage Xml(HttpMethod method, Uri uri, int? depth, XElement body)
    {
        var request = new HttpRequestMessage(method, uri)
        {
            Content = new StringContent(
                new XDocument(new XDeclaration("1.0", "utf-8", null), body).Declaration + body.ToString(SaveOptions.DisableFormatting),
                new UTF8Encoding(false),
                new MediaTypeHeaderValue("application/xml") { CharSet = "utf-8" }),
        };
        if (depth is { } d)
        {
            request.Headers.TryAddWithoutValidation("Depth", d.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return request;
    }
}
