using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Wooxy;

/// <summary>A contact as <c>contact/get</c> shows it: its id, properties and <c>variables</c> as name and value pairs.</summary>
internal static class ContactShape
{
    public static JsonObject Of(StoredContact contact)
    {
        var shape = new JsonObject { ["id"] = contact.Id };
        foreach (var (key, value) in contact.Properties)
        {
            shape[key] = value?.DeepClone();
        }

        shape["variables"] = new JsonArray([.. contact.Variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => (JsonNode)new JsonObject { ["name"] = v.Key, ["value"] = v.Value })]);
        return shape;
    }
}
