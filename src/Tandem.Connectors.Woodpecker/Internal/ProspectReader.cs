using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Woodpecker.Internal;

/// <summary>
/// A prospect as a canonical <see cref="ContactRecord"/>: its id, one email and one phone, the address parts as one
/// address, tags from the <c>#TAG</c> string, BLACKLIST as unsubscribed, the snippets under their numbers. Woodpecker
/// has no etag, so the version is a hash of the content the record holds (the writer computes the same hash for what it
/// wrote, without reading the prospect again).
/// </summary>
internal sealed class ProspectReader
{
    public const string Blacklist = "BLACKLIST";

    private readonly string? defaultRegion;

    public ProspectReader(string? defaultRegion = null)
    {
        this.defaultRegion = defaultRegion;
    }

    public static string Id(JsonObject prospect) =>
        Json.Int(prospect, "id")?.ToString(CultureInfo.InvariantCulture) ?? throw new WoodpeckerApiException("Woodpecker returned a prospect without an id.");

    public static int NumericId(JsonObject prospect) => Json.Int(prospect, "id") ?? 0;

    public static DateTimeOffset Updated(JsonObject prospect) =>
        WoodpeckerTime.Parse(Json.Text(prospect, "updated")) ?? DateTimeOffset.UnixEpoch;

    /// <summary>Snippet <paramref name="n"/>, under its current name or the listing's legacy ones (<c>snipet1</c>…<c>snipet4</c>, <c>snipper9</c>).</summary>
    public static string? SnippetText(JsonObject prospect, int n) =>
        Json.Text(prospect, WoodpeckerSchema.Snippet(n))
        ?? (n <= 4 ? Json.Text(prospect, "snipet" + n.ToString(CultureInfo.InvariantCulture)) : n == 9 ? Json.Text(prospect, "snipper9") : null);

    public ContactRecord Read(JsonObject prospect)
    {
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        Put(fields, StandardFieldKeys.FirstName, Values.Create(FieldType.Text, Json.Text(prospect, "first_name")));
        Put(fields, StandardFieldKeys.LastName, Values.Create(FieldType.Text, Json.Text(prospect, "last_name")));
        Put(fields, StandardFieldKeys.Emails, Values.Create(FieldType.Email, Json.Text(prospect, "email")));
        Put(fields, StandardFieldKeys.Phones, Values.Create(FieldType.Phone, Json.Text(prospect, "phone"), defaultRegion));
        Put(fields, StandardFieldKeys.Org, Values.Create(FieldType.Text, Json.Text(prospect, "company")));
        Put(fields, StandardFieldKeys.Title, Values.Create(FieldType.Text, Json.Text(prospect, "title")));
        Put(fields, WoodpeckerFieldKeys.Industry, Values.Create(FieldType.Text, Json.Text(prospect, "industry")));
        Put(fields, WoodpeckerFieldKeys.Website, Values.Create(FieldType.Url, Json.Text(prospect, "website")));
        Put(fields, WoodpeckerFieldKeys.LinkedIn, Values.Create(FieldType.Url, Json.Text(prospect, "linkedin_url")));
        Put(fields, WoodpeckerFieldKeys.Status, Values.Create(FieldType.SingleChoice, Json.Text(prospect, "status")));
        string?[] address = [Json.Text(prospect, "address"), Json.Text(prospect, "city"), Json.Text(prospect, "state"), null, Json.Text(prospect, "country")];
        if (address.Any(p => p is not null))
        {
            Put(fields, StandardFieldKeys.Addresses, Values.Create(FieldType.Address, string.Join(Values.PartSeparator, address.Select(p => p?.Trim() ?? string.Empty))));
        }

        for (var n = 1; n <= WoodpeckerSchema.Snippets; n++)
        {
            Put(fields, WoodpeckerSchema.Snippet(n), Values.Create(FieldType.Text, SnippetText(prospect, n)));
        }

        var built = fields.ToImmutable();
        var tags = ProspectTags.Read(Json.Text(prospect, "tags")).ToImmutableSortedSet(StringComparer.Ordinal);
        var unsubscribed = Json.Text(prospect, "status") == Blacklist;
        return new ContactRecord(Id(prospect), built)
        {
            Tags = tags,
            IsUnsubscribed = unsubscribed,
            Version = Version(built, tags, unsubscribed),
        };
    }

    private static string Version(ImmutableDictionary<string, FieldValue> fields, ImmutableSortedSet<string> tags, bool unsubscribed)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(value.Canonical).Append('\n');
        }

        text.Append("tags=").AppendJoin('\u001F', tags).Append("\nunsubscribed=").Append(unsubscribed);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static void Put(ImmutableDictionary<string, FieldValue>.Builder fields, string key, FieldValue? value)
    {
        if (value is not null)
        {
            fields[key] = value;
        }
    }
}
