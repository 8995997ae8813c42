using System.Text.Json.Nodes;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.GoogleContacts.Internal;

/// <summary>
/// A person lists its photo by URL only (on googleusercontent.com, readable without a token). To compare photos by
/// content, the bytes behind each contact photo are fetched once per URL — Google gives a changed photo a new URL, so
/// a URL seen before is never fetched again — through the connector's guarded pipeline, without the account's token.
/// Google's default pictures (<c>default: true</c>) and profile photos (not the contact's own) are not the contact's
/// photo and are never fetched.
/// </summary>
internal sealed class PhotoDownloads
{
    private readonly HttpClient http;
    private readonly Dictionary<string, ScalarValue?> byUrl = new(StringComparer.Ordinal);

    public PhotoDownloads(HttpClient http)
    {
        this.http = http;
    }

    /// <summary>The contact photo's URL of a person, or null when it shows Google's default picture.</summary>
    public static string? UrlOf(JsonObject person) =>
        PersonReader.Items(person, "photos")
            .Where(p => !(p["default"] is JsonValue d && d.TryGetValue<bool>(out var isDefault) && isDefault))
            .Where(p => PersonReader.Text(p["metadata"]?["source"] as JsonObject, "type") is null or "CONTACT")
            .Select(p => PersonReader.Text(p, "url"))
            .FirstOrDefault(u => u is not null);

    /// <summary>Fetches the photos of these persons that are not known yet.</summary>
    public async Task LoadAsync(IEnumerable<JsonObject> persons, CancellationToken cancellationToken)
    {
        foreach (var url in persons.Select(UrlOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList())
        {
            if (!byUrl.ContainsKey(url))
            {
                var bytes = await http.GetByteArrayAsync(new Uri(url, UriKind.Absolute), cancellationToken).ConfigureAwait(false);
                byUrl[url] = Photos.FromBytes(bytes);
            }
        }
    }

    /// <summary>The canonical photo of a person whose photo was loaded; a URL not loaded reads as its link.</summary>
    public ScalarValue? Of(JsonObject person) =>
        UrlOf(person) is not { } url ? null : byUrl.TryGetValue(url, out var photo) ? photo : Values.Create(FieldType.Photo, url);
}
