using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>
/// Adds a custom field to people through <c>admin/custom_fields.api</c>, as the client library's
/// <c>php/custom_field_example.php</c> does: a square-array create with <c>title</c>, <c>resource_type</c>
/// <c>Private::Crm::Person</c> and <c>data_type</c>; the answer names the new column (<c>value_column_name</c>). Choice
/// fields are not offered: a Workbooks picklist field needs a picklist made first, which Tandem does not do.
/// </summary>
internal static class CustomFieldCreator
{
    /// <summary>Tandem's types and the Workbooks data types they become (boolean and decimal from the example; string and date **unverified**).</summary>
    public static readonly IReadOnlyDictionary<FieldType, string> DataTypes = new Dictionary<FieldType, string>
    {
        [FieldType.Text] = "string",
        [FieldType.Number] = "decimal",
        [FieldType.Boolean] = "boolean",
        [FieldType.Date] = "date",
    };

    public static async Task<FieldDefinition> CreateAsync(WorkbooksClient client, PeopleSchema schema, string label, FieldType type, CancellationToken cancellationToken)
    {
        var title = label.Trim();
        if (!DataTypes.TryGetValue(type, out var dataType))
        {
            throw new ConnectorException($"Workbooks cannot get a new field of this kind from Tandem; add it in Workbooks (Start > Configuration > Customisation > Custom Fields) and it will be listed.");
        }

        if (schema.Fields.Any(f => string.Equals(f.Definition.Label, title, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ConnectorException($"Workbooks already has a field called {title}.");
        }

        var form = new WorkbooksForm()
            .Add("__method[]", "POST").Add("id[]", "0").Add("lock_version[]", "0")
            .Add("title[]", title).Add("resource_type[]", PeopleSchema.PersonClass).Add("data_type[]", dataType);
        var answer = await client.WriteAsync("admin/custom_fields.api", form, cancellationToken).ConfigureAwait(false);
        var created = (answer["affected_objects"] as JsonArray)?.FirstOrDefault() as JsonObject;
        if (answer["success"]?.GetValueKind() != System.Text.Json.JsonValueKind.True || JsonFields.Text(created, "value_column_name") is not { } column)
        {
            var messages = ((answer["affected_object_information"] as JsonArray)?.FirstOrDefault()?["errors"] as JsonObject ?? [])
                .SelectMany(e => e.Value is JsonArray list ? list.Select(JsonFields.Text) : [JsonFields.Text(e.Value)])
                .OfType<string>();
            throw new ConnectorException($"Workbooks refused the new field {title}: {string.Join(" ", messages).Trim() switch { "" => "it did not say why.", var m => m }}");
        }

        return new FieldDefinition(column, title, type) { IsCustom = true };
    }
}
