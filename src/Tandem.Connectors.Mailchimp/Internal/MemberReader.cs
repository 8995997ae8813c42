using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// A member as a canonical <see cref="ContactRecord"/>: <c>contact_id</c> as id (it survives an email change, and the
/// API accepts it where a subscriber hash goes), tags by name, groups as one choice value per category, unsubscribed or
/// cleaned as unsubscribed, transactional as never subscribed. Mailchimp has no
/// etag, so the version is <c>last_changed</c> (unix seconds) and a hash of the content: <c>1767225600.3f2a…</c>. The time
/// lets a batch of updates find its members with one listing from the oldest version on (<see cref="MemberLookup"/>).
/// </summary>
internal sealed class MemberReader
{
    public static readonly string[] Statuses = ["subscribed", "unsubscribed", "cleaned", "pending", "transactional"];

    private readonly ILogger logger;

    public MemberReader(ILogger logger)
    {
        this.logger = logger;
    }

    public static string Id(JsonObject member) =>
        Json.Text(member, "contact_id") ?? Json.Text(member, "id") ?? throw new MailchimpApiException("Mailchimp returned a member without an id.");

    public static DateTimeOffset LastChanged(JsonObject member) =>
        Json.Time(member, "last_changed") ?? throw new MailchimpApiException("Mailchimp returned a member without last_changed.");

    public static bool IsUnsubscribed(string? status) => status is "unsubscribed" or "cleaned";

    /// <summary>The <c>last_changed</c> a version was read at; null for a version without one (written before it carried the time).</summary>
    public static DateTimeOffset? VersionTime(string? version)
    {
        var dot = version is null ? -1 : version.IndexOf('.', StringComparison.Ordinal);
        return version is not null && dot > 0 && long.TryParse(version.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    public ContactRecord Read(JsonObject member, AudienceSchema schema)
    {
        var id = Id(member);
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        Put(fields, StandardFieldKeys.Emails, Values.Create(FieldType.Email, Json.Text(member, "email_address")));
        var status = Json.Text(member, "status");
        Put(fields, MailchimpFieldKeys.Status, Values.Create(FieldType.SingleChoice, status));
        var merges = member["merge_fields"] as JsonObject;
        foreach (var field in schema.MergeFields)
        {
            var raw = merges?[field.Tag];
            if (raw is null || (raw is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0))
            {
                continue;
            }

            var value = MergeValueReader.Read(field, raw);
            if (value is null)
            {
                MailchimpLog.SkippedValue(logger, field.Tag, id);
            }

            Put(fields, field.Key, value);
        }

        foreach (var (key, value) in schema.Groups?.Read(member) ?? [])
        {
            Put(fields, key, value);
        }

        var tags = Json.Items(member, "tags").Select(t => Json.Text(t, "name")).OfType<string>().ToImmutableSortedSet(StringComparer.Ordinal);
        var built = fields.ToImmutable();
        return new ContactRecord(id, built)
        {
            Version = Version(LastChanged(member), built, tags),
            Tags = tags,
            IsUnsubscribed = IsUnsubscribed(status),
            NeverSubscribed = status == "transactional",
        };
    }

    private static string Version(DateTimeOffset lastChanged, ImmutableDictionary<string, FieldValue> fields, ImmutableSortedSet<string> tags)
    {
        var seconds = lastChanged.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder(seconds).Append('\u001E');
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('\u001F').Append(value.Canonical).Append('\u001E');
        }

        text.AppendJoin('\u001F', tags);
        return seconds + "." + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    private static void Put(ImmutableDictionary<string, FieldValue>.Builder fields, string key, FieldValue? value)
    {
        if (value is not null)
        {
            fields[key] = value;
        }
    }
}
