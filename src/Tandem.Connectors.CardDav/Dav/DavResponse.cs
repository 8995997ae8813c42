using System.Globalization;
using System.Xml.Linq;

namespace Tandem.Connectors.CardDav.Dav;

/// <summary>One <c>response</c> of a multistatus: its href, its own status (a 404 tombstone) and the properties found (status 200).</summary>
internal sealed record DavResponse(string Href, int? Status, XElement? Found)
{
    public static DavResponse Parse(XElement response)
    {
        var href = response.Element(DavNames.Href)?.Value.Trim() ?? string.Empty;
        var found = response.Elements(DavNames.Propstat)
            .Where(p => StatusCode(p.Element(DavNames.Status)?.Value) is >= 200 and < 300)
            .Select(p => p.Element(DavNames.Prop))
            .FirstOrDefault(p => p is not null);
        return new DavResponse(href, StatusCode(response.Element(DavNames.Status)?.Value), found);
    }

    public string? Text(XName property) => Found?.Element(property)?.Value;

    public XElement? Property(XName property) => Found?.Element(property);

    public bool IsAddressBook => Found?.Element(DavNames.ResourceType)?.Element(DavNames.AddressBook) is not null;

    public bool IsCollection => Found?.Element(DavNames.ResourceType)?.Element(DavNames.Collection) is not null;

    /// <summary>"HTTP/1.1 404 Not Found" → 404.</summary>
    public static int? StatusCode(string? statusLine)
    {
        var parts = statusLine?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: >= 2 } && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;
    }
}
