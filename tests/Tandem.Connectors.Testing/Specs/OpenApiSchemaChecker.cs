using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Connectors.Testing.Specs;

/// <summary>
/// Checks a JSON value against an OpenAPI 3.0 schema: types, <c>nullable</c>, <c>enum</c>, <c>required</c>,
/// <c>properties</c>/<c>additionalProperties</c>, <c>items</c>, <c>allOf</c> (merged), <c>oneOf</c>/<c>anyOf</c> (one
/// alternative must pass). Strict where OpenAPI is lenient: a property an object schema does not declare is a violation
/// unless the schema allows additional properties, because vendor specs list what their APIs send.
/// </summary>
public sealed class OpenApiSchemaChecker
{
    private readonly OpenApiDocument document;

    public OpenApiSchemaChecker(OpenApiDocument document)
    {
        this.document = document;
    }

    public void Check(JsonNode? node, JsonObject schema, string at, List<string> violations)
    {
        var shape = Flatten(schema);
        if (node is null)
        {
            if (!shape.Nullable && (shape.Type is not null || shape.Properties.Count > 0 || shape.Enum is not null))
            {
                violations.Add($"{at}: null, but the schema is not nullable");
            }

            return;
        }

        var lenient = false;
        if (shape.Alternatives.Count > 0)
        {
            // Properties declared by an alternative are declared: the outer part is then checked leniently.
            lenient = true;
            if (!shape.Alternatives.Any(a => Passes(node, a, at)))
            {
                violations.Add($"{at}: matches none of the oneOf/anyOf alternatives");
            }
        }

        if (shape.Enum is not null && !shape.Enum.Any(e => JsonNode.DeepEquals(e, node)))
        {
            violations.Add($"{at}: {node.ToJsonString()} is not one of the declared values");
        }

        var kind = node.GetValueKind();
        switch (shape.Type ?? (shape.Properties.Count > 0 ? "object" : null))
        {
            case null:
                break;
            case "object" when node is JsonObject obj:
                CheckObject(obj, shape, at, lenient, violations);
                break;
            case "array" when node is JsonArray array:
                if (shape.Items is { } items)
                {
                    foreach (var item in array)
                    {
                        Check(item, items, at + "[]", violations);
                    }
                }

                break;
            case "string" when kind == JsonValueKind.String:
            case "number" when kind == JsonValueKind.Number:
            case "integer" when kind == JsonValueKind.Number && IsWhole(node):
            case "boolean" when kind is JsonValueKind.True or JsonValueKind.False:
                break;
            default:
                violations.Add($"{at}: expected {shape.Type}, got {Describe(node)}");
                break;
        }
    }

    private void CheckObject(JsonObject obj, Shape shape, string at, bool lenient, List<string> violations)
    {
        foreach (var name in shape.Required.Where(r => !obj.ContainsKey(r)))
        {
            violations.Add($"{at}: required property '{name}' is missing");
        }

        foreach (var (name, value) in obj)
        {
            if (shape.Properties.TryGetValue(name, out var declared))
            {
                Check(value, declared, at + "." + name, violations);
            }
            else if (shape.Additional is JsonObject additional)
            {
                Check(value, additional, at + "." + name, violations);
            }
            else if (shape.Additional is false || (shape.Additional is null && shape.Properties.Count > 0 && !lenient))
            {
                violations.Add($"{at}: property '{name}' is not declared");
            }
        }
    }

    private bool Passes(JsonNode node, JsonObject schema, string at)
    {
        var scratch = new List<string>();
        Check(node, schema, at, scratch);
        return scratch.Count == 0;
    }

    /// <summary>A schema with its <c>$ref</c>s followed and its <c>allOf</c> branches merged.</summary>
    private Shape Flatten(JsonObject schema)
    {
        var shape = new Shape();
        Merge(document.Resolve(schema), shape, depth: 0);
        return shape;
    }

    private void Merge(JsonObject schema, Shape shape, int depth)
    {
        if (depth > 16)
        {
            return;
        }

        shape.Type ??= schema["type"]?.GetValue<string>();
        shape.Nullable |= schema["nullable"]?.GetValue<bool>() == true;
        if (schema["enum"] is JsonArray values)
        {
            shape.Enum ??= values.ToList();
        }

        if (schema["items"] is JsonObject items)
        {
            shape.Items ??= items;
        }

        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            shape.Properties.TryAdd(name, (JsonObject)property!);
        }

        foreach (var name in (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
        {
            shape.Required.Add(name);
        }

        switch (schema["additionalProperties"])
        {
            case JsonObject additional:
                shape.Additional = additional;
                break;
            case JsonValue flag when flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                // true anywhere in an allOf opens the object; false only closes it if nothing opened it.
                shape.Additional = shape.Additional is true || flag.GetValue<bool>() ? true : shape.Additional ?? false;
                break;
        }

        foreach (var branch in (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Merge(document.Resolve(branch), shape, depth + 1);
        }

        foreach (var alternative in ((schema["oneOf"] ?? schema["anyOf"]) as JsonArray ?? []).OfType<JsonObject>())
        {
            shape.Alternatives.Add(alternative);
        }
    }

    private static bool IsWhole(JsonNode node) =>
        decimal.TryParse(node.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && decimal.Truncate(d) == d;

    private static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "the number " + node.ToJsonString(),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => node.GetValueKind().ToString(),
    };

    private sealed class Shape
    {
        public string? Type { get; set; }

        public bool Nullable { get; set; }

        public List<JsonNode?>? Enum { get; set; }

        public JsonObject? Items { get; set; }

        public Dictionary<string, JsonObject> Properties { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

        /// <summary>null when unspecified, true/false, or the schema of additional properties.</summary>
        public object? Additional { get; set; }

        public List<JsonObject> Alternatives { get; } = [];
    }
}
