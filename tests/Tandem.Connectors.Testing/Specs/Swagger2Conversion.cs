using System.Text.Json.Nodes;

namespace Tandem.Connectors.Testing.Specs;

/// <summary>
/// Reads a Swagger 2.0 document (a Power Platform connector's API definition) as the OpenAPI 3.0 shape the validator
/// checks: typed parameters get a <c>schema</c>, a body parameter becomes <c>requestBody</c>, each response's
/// <c>schema</c> goes under <c>content</c>, <c>definitions</c> become <c>components/schemas</c>. Nothing else changes,
/// so the validator judges the traffic by exactly what the Swagger file says.
/// </summary>
public static class Swagger2Conversion
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch"];

    private static readonly string[] SchemaKeys = ["type", "format", "enum", "items", "default", "minimum", "maximum", "pattern"];

    public static OpenApiDocument Load(string relativePath)
    {
        var swagger = JsonNode.Parse(File.ReadAllText(VendorSpecs.PathOf(relativePath))) as JsonObject
            ?? throw new InvalidDataException(relativePath + " is not a Swagger document.");
        return OpenApiDocument.Parse(Convert(swagger).ToJsonString(), Path.GetFileName(relativePath));
    }

    public static JsonObject Convert(JsonObject swagger)
    {
        ArgumentNullException.ThrowIfNull(swagger);
        var text = swagger.ToJsonString().Replace("\"#/definitions/", "\"#/components/schemas/", StringComparison.Ordinal);
        var source = (JsonObject)JsonNode.Parse(text)!;
        var media = (source["produces"] as JsonArray)?.Select(p => p?.GetValue<string>()).FirstOrDefault() ?? "application/json";
        var paths = new JsonObject();
        foreach (var (template, item) in source["paths"] as JsonObject ?? [])
        {
            var converted = new JsonObject();
            foreach (var (method, operation) in (JsonObject)item!)
            {
                converted[method] = Methods.Contains(method, StringComparer.Ordinal) && operation is JsonObject op ? Operation(op, media) : operation?.DeepClone();
            }

            paths[template] = converted;
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = source["info"]?.DeepClone(),
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = source["definitions"]?.DeepClone() ?? new JsonObject() },
            ["security"] = source["security"]?.DeepClone(),
        };
    }

    private static JsonObject Operation(JsonObject operation, string media)
    {
        var result = new JsonObject();
        foreach (var (key, value) in operation)
        {
            if (key is not ("parameters" or "responses"))
            {
                result[key] = value?.DeepClone();
            }
        }

        var parameters = new JsonArray();
        foreach (var parameter in (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (parameter["in"]?.GetValue<string>() == "body")
            {
                result["requestBody"] = new JsonObject
                {
                    ["required"] = parameter["required"]?.DeepClone(),
                    ["content"] = new JsonObject { [media] = new JsonObject { ["schema"] = parameter["schema"]?.DeepClone() } },
                };
                continue;
            }

            var converted = new JsonObject();
            var schema = new JsonObject();
            foreach (var (key, value) in parameter)
            {
                if (SchemaKeys.Contains(key, StringComparer.Ordinal))
                {
                    schema[key] = value?.DeepClone();
                }
                else
                {
                    converted[key] = value?.DeepClone();
                }
            }

            converted["schema"] = schema;
            parameters.Add(converted);
        }

        result["parameters"] = parameters;
        var responses = new JsonObject();
        foreach (var (status, response) in operation["responses"] as JsonObject ?? [])
        {
            var converted = new JsonObject { ["description"] = response?["description"]?.DeepClone() ?? string.Empty };
            if (response?["schema"] is JsonObject schema)
            {
                converted["content"] = new JsonObject { [media] = new JsonObject { ["schema"] = schema.DeepClone() } };
            }

            responses[status] = converted;
        }

        result["responses"] = responses;
        return result;
    }
}
