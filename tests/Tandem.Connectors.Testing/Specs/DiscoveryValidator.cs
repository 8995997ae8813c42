using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Tandem.Sandbox.GoogleContacts;

namespace Tandem.Connectors.Testing.Specs;

/// <summary>
/// Checks traffic against the People API discovery document (specs/google-contacts in the repository): every property of a
/// request or response body must be declared by its schema, with the declared JSON type and enum value.
/// Prism cannot read discovery documents (NOTES.md §11), so this is the in-process equivalent.
/// </summary>
public sealed class DiscoveryValidator
{
    private static readonly Lazy<JsonObject> Schemas = new(LoadSchemas);

    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>The request and response schemas of a People API method, by HTTP method and route after <c>/v1/</c>.</summary>
    public static (string? Request, string Response)? SchemasOf(string method, string route) => (method, route) switch
    {
        ("GET", "people/me/connections") => (null, "ListConnectionsResponse"),
        ("GET", "people:batchGet") => (null, "GetPeopleResponse"),
        ("POST", "people:createContact") => ("Person", "Person"),
        ("POST", "people:batchCreateContacts") => ("BatchCreateContactsRequest", "BatchCreateContactsResponse"),
        ("POST", "people:batchUpdateContacts") => ("BatchUpdateContactsRequest", "BatchUpdateContactsResponse"),
        ("POST", "people:batchDeleteContacts") => ("BatchDeleteContactsRequest", "Empty"),
        ("GET", "contactGroups") => (null, "ListContactGroupsResponse"),
        ("POST", "contactGroups") => ("CreateContactGroupRequest", "ContactGroup"),
        ("PATCH", var r) when r.EndsWith(":updateContact", StringComparison.Ordinal) => ("Person", "Person"),
        ("DELETE", var r) when r.EndsWith(":deleteContact", StringComparison.Ordinal) => (null, "Empty"),
        ("PATCH", var r) when r.EndsWith(":updateContactPhoto", StringComparison.Ordinal) => ("UpdateContactPhotoRequest", "UpdateContactPhotoResponse"),
        ("DELETE", var r) when r.EndsWith(":deleteContactPhoto", StringComparison.Ordinal) => (null, "DeleteContactPhotoResponse"),
        ("POST", var r) when r.EndsWith("/members:modify", StringComparison.Ordinal) => ("ModifyContactGroupMembersRequest", "ModifyContactGroupMembersResponse"),
        ("GET", var r) when r.StartsWith("contactGroups/", StringComparison.Ordinal) => (null, "ContactGroup"),
        ("GET", var r) when r.StartsWith("people/", StringComparison.Ordinal) => (null, "Person"),
        _ => null,
    };

    public void Observe(GoogleExchange exchange)
    {
        if (SchemasOf(exchange.Method, exchange.Route) is not { } schemas)
        {
            Violations.Enqueue($"{exchange.Method} {exchange.Route}: not a method of the discovery document");
            return;
        }

        if (schemas.Request is { } request && exchange.Request is { } body)
        {
            Check(body, Ref(request), $"{exchange.Method} {exchange.Route} request");
        }

        Check(exchange.Response, Ref(schemas.Response), $"{exchange.Method} {exchange.Route} response");
    }

    public void Check(JsonNode? node, JsonObject schema, string at)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = Ref(reference);
        }

        var type = schema["type"]?.GetValue<string>();
        switch (type)
        {
            case "object" when node is JsonObject obj:
                var properties = schema["properties"] as JsonObject;
                var additional = schema["additionalProperties"] as JsonObject;
                foreach (var (name, value) in obj)
                {
                    if (properties?[name] is JsonObject declared)
                    {
                        Check(value, declared, at + "." + name);
                    }
                    else if (additional is not null)
                    {
                        Check(value, additional, at + "." + name);
                    }
                    else if (properties is not null || schema["id"] is not null)
                    {
                        Violations.Enqueue($"{at}: property '{name}' is not declared");
                    }
                }

                break;
            case "array" when node is JsonArray array:
                foreach (var item in array)
                {
                    Check(item, (JsonObject)schema["items"]!, at + "[]");
                }

                break;
            case "string" when node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var text = v.ToString();
                if (schema["enum"] is JsonArray values && !values.Any(e => e?.GetValue<string>() == text))
                {
                    Violations.Enqueue($"{at}: '{text}' is not one of the declared values");
                }

                break;
            case "integer" or "number" when node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number:
            case "boolean" when node is JsonValue v2 && v2.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False:
            case "any":
                break;
            case null when node is JsonObject:
                break;
            default:
                Violations.Enqueue($"{at}: expected {type ?? "a schema"}, got {node?.GetValueKind().ToString() ?? "null"}");
                break;
        }
    }

    public static JsonObject Ref(string name) =>
        Schemas.Value[name] as JsonObject ?? throw new KeyNotFoundException("The discovery document has no schema " + name);

    private static JsonObject LoadSchemas() =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(VendorSpecs.PathOf("google-contacts/people.v1.discovery.json")))!["schemas"]!;
}
