using System.Text.Json.Nodes;

namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>Reads contacts by id with <c>batch/read</c> (≤ 100 a call, every property the connector knows); missing ids are left out (207).</summary>
internal static class ContactBatches
{
    public const int Size = 100;

    public static async Task<IReadOnlyList<JsonObject>> ReadAsync(HubSpotClient client, IReadOnlyList<string> ids, PropertyDirectory directory, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var answer = await client.ReadAsync("crm/v3/objects/contacts/batch/read", new JsonObject
        {
            ["inputs"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["id"] = id })]),
            ["properties"] = new JsonArray([.. directory.ReadNames.Select(n => (JsonNode)n)]),
            ["propertiesWithHistory"] = new JsonArray(),
        }, cancellationToken).ConfigureAwait(false);
        return [.. Json.Items(answer, "results")];
    }
}
