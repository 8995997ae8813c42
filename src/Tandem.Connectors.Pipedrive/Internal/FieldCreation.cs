using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>
/// Adds a custom person field with v1 <c>POST /personFields</c> (scope <c>contact-fields:full</c>): the Tandem type
/// becomes the Pipedrive <c>field_type</c> that <see cref="CompanyDirectory.Map"/> reads back as the same type.
/// </summary>
internal static class FieldCreation
{
    /// <summary>The Tandem types Pipedrive can hold in a new person field, with the <c>field_type</c> used for each.</summary>
    public static readonly IReadOnlyDictionary<FieldType, string> PipedriveTypes = new Dictionary<FieldType, string>
    {
        [FieldType.Text] = "varchar",
        [FieldType.Number] = "double",
        [FieldType.Money] = "monetary",
        [FieldType.Date] = "date",
        [FieldType.DateRange] = "daterange",
        [FieldType.SingleChoice] = "enum",
        [FieldType.MultipleChoice] = "set",
        [FieldType.OwnerReference] = "user",
        [FieldType.Phone] = "phone",
        [FieldType.Address] = "address",
    };

    public static readonly IReadOnlyList<FieldType> Creatable = [.. PipedriveTypes.Keys];

    /// <summary>The request body, or a refusal the user can read (nothing is sent then).</summary>
    public static JsonObject Body(string label, FieldType type, IReadOnlyList<string> options, CompanyDirectory directory)
    {
        var name = label?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new ConnectorException("Give the new Pipedrive field a name.");
        }

        if (!PipedriveTypes.TryGetValue(type, out var fieldType))
        {
            throw new ConnectorException($"Pipedrive has no person field type for {type} values; choose one of {string.Join(", ", Creatable)}.");
        }

        // Pipedrive would accept a second field of the same name; two fields nobody can tell apart help no one.
        if (PipedriveSchema.Build(directory).Fields.Any(f => string.Equals(f.Label, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ConnectorException($"Pipedrive already has a person field named '{name}'; pick it instead or choose another name.");
        }

        var body = new JsonObject { ["name"] = name, ["field_type"] = fieldType };
        if (type is FieldType.SingleChoice or FieldType.MultipleChoice)
        {
            var labels = (options ?? []).Select(o => o?.Trim()).Where(o => !string.IsNullOrEmpty(o)).Distinct(StringComparer.Ordinal).ToList();
            if (labels.Count == 0)
            {
                throw new ConnectorException("A Pipedrive choice field needs at least one option.");
            }

            body["options"] = new JsonArray(labels.Select(l => (JsonNode)new JsonObject { ["label"] = l }).ToArray());
        }

        return body;
    }
}
