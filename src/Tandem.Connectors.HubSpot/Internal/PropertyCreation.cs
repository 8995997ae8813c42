using System.Text;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>
/// A new custom contact property (<c>POST /crm/v3/properties/contacts</c>): the Tandem type becomes the HubSpot
/// <c>type</c> and <c>fieldType</c> that <see cref="PropertyDirectory.TypeOf"/> reads back as the same type; the internal
/// name is made from the label (lower case, underscores), as HubSpot's own settings page makes it.
/// </summary>
internal static class PropertyCreation
{
    public static readonly IReadOnlyDictionary<FieldType, (string Type, string FieldType)> HubSpotTypes = new Dictionary<FieldType, (string, string)>
    {
        [FieldType.Text] = ("string", "text"),
        [FieldType.Number] = ("number", "number"),
        [FieldType.Boolean] = ("bool", "booleancheckbox"),
        [FieldType.Date] = ("date", "date"),
        [FieldType.DateTime] = ("datetime", "date"),
        [FieldType.SingleChoice] = ("enumeration", "select"),
        [FieldType.MultipleChoice] = ("enumeration", "checkbox"),
        [FieldType.Phone] = ("phone_number", "phonenumber"),
    };

    public static readonly IReadOnlyList<FieldType> Creatable = [.. HubSpotTypes.Keys];

    public static JsonObject Body(string label, FieldType type, IReadOnlyList<string> options, PropertyDirectory known)
    {
        var shown = label?.Trim();
        if (string.IsNullOrEmpty(shown))
        {
            throw new ConnectorException("Give the new HubSpot property a name.");
        }

        if (!HubSpotTypes.TryGetValue(type, out var hubSpot))
        {
            throw new ConnectorException($"HubSpot has no contact property type for {type} values; choose one of {string.Join(", ", Creatable)}.");
        }

        var name = Name(shown);
        if (known.Find(name) is not null || known.Others.Any(p => string.Equals(p.Label, shown, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ConnectorException($"HubSpot already has a contact property named '{shown}'; pick it instead or choose another name.");
        }

        var body = new JsonObject { ["name"] = name, ["label"] = shown, ["type"] = hubSpot.Type, ["fieldType"] = hubSpot.FieldType, ["groupName"] = "contactinformation" };
        if (type is FieldType.SingleChoice or FieldType.MultipleChoice)
        {
            var labels = (options ?? []).Select(o => o?.Trim()).Where(o => !string.IsNullOrEmpty(o)).Distinct(StringComparer.Ordinal).ToList();
            if (labels.Count == 0)
            {
                throw new ConnectorException("A HubSpot choice property needs at least one option.");
            }

            body["options"] = new JsonArray([.. labels.Select((l, i) => (JsonNode)new JsonObject { ["label"] = l, ["value"] = Name(l!), ["displayOrder"] = i, ["hidden"] = false })]);
        }
        else if (type is FieldType.Boolean)
        {
            body["options"] = new JsonArray(
                new JsonObject { ["label"] = "Yes", ["value"] = "true", ["displayOrder"] = 0, ["hidden"] = false },
                new JsonObject { ["label"] = "No", ["value"] = "false", ["displayOrder"] = 1, ["hidden"] = false });
        }

        return body;
    }

    /// <summary>An internal name from a label: lower-case letters and digits, other runs as one underscore, starting with a letter.</summary>
    public static string Name(string label)
    {
        var name = new StringBuilder();
        foreach (var c in label.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                name.Append(c);
            }
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                if (name.Length > 0 && name[^1] != '_')
                {
                    name.Append('_');
                }
            }
        }

        var text = name.ToString().Trim('_');
        return text.Length > 0 && char.IsAsciiLetterLower(text[0]) ? text : "p_" + text;
    }
}
