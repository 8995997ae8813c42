using System.Text.Json.Nodes;

namespace Tandem.Connectors.Testing.Specs;

/// <summary>
/// Reads a Swagger 2.0 document as the OpenAPI 3 shape the validator checks: a parameter's <c>type</c>, <c>format</c>,
/// <c>items</c> and <c>enum</c> become its <c>schema</c>; the <c>body</c> parameter becomes the <c>requestBody</c>; a
/// response's <c>schema</c> becomes JSON content; <c>definitions</c> become <c>components.schemas</c>. Woodpecker's only
/// published description (specs/woodpecker) is Swagger 2.0.
/// </summary>
internal static class SwaggerTwo
{
    private static readonly string[] SchemaKeywords = ["type", "format", "items", "enum", "minimum", "maximum", "pattern", "default"];

    public static bool Is(JsonObject root) => root["swagger"]?.GetValue<string>() == "2.0";

    public static JsonObject ToOpenApi3(JsonObject swagger)
    {
        var text = swagger.ToJsonString().Replace("\"#/definitions/", "\"#/components/schemas/", StringComparison.Ordinal);
        var root = (JsonObject)JsonNode.Parse(text)!;
        var converted = new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = root["info"]?.DeepClone(),
            ["components"] = new JsonObject { ["schemas"] = root["definitions"]?.DeepClone() ?? new JsonObject() },
        };
        var paths = new JsonObject();
        foreach (var (template, item) in root["paths"] as JsonObject ?? [])
        {
            var convertedItem = new JsonObject();
            foreach (var (method, operation) in item as JsonObject ?? [])
            {
                convertedItem[method] = operation is JsonObject op ? Operation(op) : operation?.DeepClone();
            }

            paths[template] = convertedItem;
        }

        converted["paths"] = paths;
        return converted;
    }

    private static JsonObject Operation(JsonObject operation)
    {
        var converted = new JsonObject();
        foreach (var (key, value) in operation)
        {
            if (key is not ("parameters" or "responses" or "consumes" or "produces"))
            {
                converted[key] = value?.DeepClone();
            }
        }

        var parameters = new JsonArray();
        foreach (var parameter in (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (parameter["in"]?.GetValue<string>() == "body")
            {
                converted["requestBody"] = new JsonObject
                {
                    ["required"] = parameter["required"]?.DeepClone() ?? false,
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = parameter["schema"]?.DeepClone() ?? new JsonObject() } },
                };
                continue;
            }

            var schema = new JsonObject();
            var plain = new JsonObject();
            foreach (var (key, value) in parameter)
            {
                (SchemaKeywords.Contains(key) ? schema : plain)[key] = value?.DeepClone();
            }

            plain["schema"] = schema;
            parameters.Add(plain);
        }

        converted["parameters"] = parameters;
        var responses = new JsonObject();
        foreach (var (status, response) in operation["responses"] as JsonObject ?? [])
        {
            var convertedResponse = new JsonObject { ["description"] = response?["description"]?.DeepClone() ?? string.Empty };
            if (response?["schema"] is JsonObject schema)
            {
                convertedResponse["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema.DeepClone() } };
            }

            responses[status] = convertedResponse;
        }

        converted["responses"] = responses;
        return converted;
    }
}
