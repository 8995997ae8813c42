using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>
/// A Workbooks person as a canonical <see cref="ContactRecord"/>: the id as id, <c>lock_version</c> as version, the
/// tag_array column as tags, <c>created_through_reference</c> as the client reference.
/// </summary>
internal sealed class PersonReader
{
    private readonly ILogger logger;

    public PersonReader(ILogger logger)
    {
        this.logger = logger;
    }

    /// <summary>The person's id; a row without one is a malformed answer, an error for the run.</summary>
    public static string Id(JsonObject row) =>
        JsonFields.Int(row, "id")?.ToString(CultureInfo.InvariantCulture) ?? throw new ConnectorException("Workbooks answered a person without an id; Tandem stopped rather than guess.");

    /// <summary>When the person last changed; a row without it is a malformed answer, an error for the run.</summary>
    public static DateTimeOffset UpdatedAt(JsonObject row) =>
        WorkbooksFormats.ParseDateTime(JsonFields.Text(row, "updated_at")) ?? throw new ConnectorException("Workbooks answered a person without a readable updated_at; Tandem stopped rather than guess.");

    public static bool IsDeleted(JsonObject row) => row["is_deleted"] is JsonValue v && ((v.TryGetValue<bool>(out var b) && b) || (v.TryGetValue<string>(out var s) && s is "true" or "1"));

    public ContactRecord Read(JsonObject row, PeopleSchema schema)
    {
        var id = Id(row);
        var fields = ImmutableDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        foreach (var field in schema.Fields)
        {
            var raw = Raw(row, field);
            if (raw is null)
            {
                continue;
            }

            if (Values.Create(field.Definition.Type, raw) is { } value)
            {
                fields[field.Key] = value;
            }
            else
            {
                WorkbooksLog.SkippedValue(logger, field.Definition.Label, id);
            }
        }

        var tags = schema.TagsColumn is { } column
            ? (JsonFields.Text(row, column) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableSortedSet(StringComparer.Ordinal)
            : ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
        return new ContactRecord(id, fields.ToImmutable())
        {
            Version = JsonFields.Int(row, "lock_version")?.ToString(CultureInfo.InvariantCulture),
            Tags = tags,
            ClientReference = JsonFields.Text(row, "created_through_reference"),
        };
    }

    /// <summary>The column's value as text for <see cref="Values.Create"/>, in Tandem's forms; null when empty.</summary>
    private static string? Raw(JsonObject row, SchemaField field)
    {
        switch (field.Definition.Type)
        {
            case FieldType.Address:
                var parts = field.Columns.Select(c => JsonFields.Text(row, c)?.Trim() ?? string.Empty).ToArray();
                return parts.All(p => p.Length == 0) ? null : string.Join(Values.PartSeparator, parts);
            case FieldType.Boolean:
                return row[field.Column] switch
                {
                    JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
                    JsonValue v when v.TryGetValue<string>(out var s) => s,
                    _ => null,
                };
            case FieldType.Number:
            case FieldType.OwnerReference:
                return JsonFields.Number(row[field.Column]);
            case FieldType.Date when field.Datatype == "date":
                return WorkbooksFormats.ParseDate(JsonFields.Text(row, field.Column))?.ToString();
            case FieldType.DateTime:
                return WorkbooksFormats.ParseDateTime(JsonFields.Text(row, field.Column))?.ToString("O", CultureInfo.InvariantCulture);
            case FieldType.Money:
                return WorkbooksFormats.Money(JsonFields.Text(row, field.Column));
            case FieldType.MultipleChoice:
                return JsonFields.Text(row, field.Column) is { } list ? string.Join(Values.PartSeparator, list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) : null;
            default:
                return JsonFields.Text(row, field.Column);
        }
    }
}
