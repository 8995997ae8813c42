using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Engine.Snapshots;

/// <summary>
/// The stored form of a record's content: compact JSON of its canonical fields, tags and status (unsubscribed,
/// never subscribed; each written only when true, so older snapshots read the same).
/// Ids and version stamps are left out on purpose: they are not content, so a record that only got a
/// new etag or moved to a new id hashes the same (SYNC-INVARIANTS 2 and 5).
/// </summary>
public static class RecordSnapshot
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(ContactRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("f");
            foreach (var (key, value) in record.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                w.WriteStartArray(key);
                w.WriteStringValue(TypeCode(value.Type));
                if (value is ListValue list)
                {
                    w.WriteStartArray();
                    foreach (var item in list.Items)
                    {
                        w.WriteStringValue(item.Label);
                        w.WriteStringValue(item.Value.Text);
                    }

                    w.WriteEndArray();
                }
                else
                {
                    w.WriteStringValue(((ScalarValue)value).Text);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            if (record.Tags.Count > 0)
            {
                w.WriteStartArray("t");
                foreach (var tag in record.Tags)
                {
                    w.WriteStringValue(tag);
                }

                w.WriteEndArray();
            }

            if (record.IsUnsubscribed)
            {
                w.WriteBoolean("u", true);
            }

            if (record.NeverSubscribed)
            {
                w.WriteBoolean("n", true);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static ContactRecord Deserialize(string id, string? version, string snapshot)
    {
        using var doc = JsonDocument.Parse(snapshot);
        var root = doc.RootElement;
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        foreach (var field in root.GetProperty("f").EnumerateObject())
        {
            var type = ParseType(field.Value[0].GetString()!);
            var payload = field.Value[1];
            if (payload.ValueKind == JsonValueKind.Array)
            {
                var items = ImmutableArray.CreateBuilder<LabelledValue>(payload.GetArrayLength() / 2);
                for (var i = 0; i + 1 < payload.GetArrayLength(); i += 2)
                {
                    items.Add(new LabelledValue(payload[i].GetString()!, CanonicalValue.Restore(type, payload[i + 1].GetString()!)));
                }

                fields[field.Name] = new ListValue(type, items.MoveToImmutable());
            }
            else
            {
                fields[field.Name] = CanonicalValue.Restore(type, payload.GetString()!);
            }
        }

        var tags = root.TryGetProperty("t", out var t)
            ? t.EnumerateArray().Select(e => e.GetString()!).ToImmutableSortedSet(StringComparer.Ordinal)
            : ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
        return new ContactRecord(id, fields.ToImmutable())
        {
            Version = version,
            Tags = tags,
            IsUnsubscribed = root.TryGetProperty("u", out var u) && u.GetBoolean(),
            NeverSubscribed = root.TryGetProperty("n", out var n) && n.GetBoolean(),
        };
    }

    /// <summary>64-bit FNV-1a of the snapshot text: a change detector, not a security hash.</summary>
    public static long Hash(string snapshot)
    {
        const ulong offset = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var hash = offset;
        foreach (var c in snapshot)
        {
            hash = (hash ^ (byte)c) * prime;
            hash = (hash ^ (byte)(c >> 8)) * prime;
        }

        return unchecked((long)hash);
    }

    private static string TypeCode(FieldType type) => type.ToString();

    private static FieldType ParseType(string code) =>
        Enum.TryParse<FieldType>(code, out var type) ? type : throw new JsonException($"Unknown field type '{code}' in a stored snapshot.");
}
