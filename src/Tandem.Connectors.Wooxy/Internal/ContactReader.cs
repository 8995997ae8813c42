using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Connectors.Http;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Wooxy.Internal;

/// <summary>A contact from <c>contact/get</c> as a canonical record: its identifier is its id (see <see cref="ContactIds"/>).</summary>
internal static class ContactReader
{
    public static ContactRecord? Read(JsonObject contact, AppSchema schema, string? defaultRegion)
    {
        var ids = new ContactIds(JsonFields.Text(contact, "email")?.ToLowerInvariant(), Values.Create(FieldType.Phone, JsonFields.Text(contact, "phoneNumber"), defaultRegion)?.Text, JsonFields.Text(contact, "userId"));
        if (ids.RecordId is not { } id)
        {
            return null;
        }

        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        foreach (var property in WooxySchema.Properties)
        {
            var raw = property.Type == FieldType.Number ? JsonFields.Number(contact[property.Property]) : JsonFields.Text(contact, property.Property);
            if (Values.Create(property.Type, raw, defaultRegion) is { } value)
            {
                fields[property.Key] = value;
            }
        }

        foreach (var variable in JsonFields.Items(contact, "variables"))
        {
            var key = WooxySchema.VariablePrefix + JsonFields.Text(variable, "name");
            if (schema.Find(key) is { } field && Values.Create(field.Type, DateTimeText(field.Type, JsonFields.Text(variable, "value")), defaultRegion) is { } value)
            {
                fields[key] = value;
            }
        }

        return new ContactRecord(id, fields.ToImmutable()) { Version = JsonFields.Text(contact, "updatedAt") };
    }

    /// <summary>Wooxy writes date-times as <c>YYYY-MM-DD HH:MM:SS</c> in UTC.</summary>
    private static string? DateTimeText(FieldType type, string? raw) =>
        type == FieldType.DateTime && raw is not null && DateTime.TryParseExact(raw, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture)
            : raw;
}
