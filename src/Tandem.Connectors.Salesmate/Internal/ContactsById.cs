using System.Text.Json.Nodes;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Salesmate.Internal;

/// <summary>
/// Reads contacts by id with the v4 search, 250 a call: a <c>filterQuery</c> group with the <c>OR</c> operator whose
/// rules are <c>id EQUALS …</c> (the group operators and the 250-row cap are documented; an id rule is the search's
/// ordinary rule shape on the <c>id</c> field, see README). Salesmate has no batch get, so this is what keeps reading
/// the contacts a listing showed as moved, and the contacts a batch wrote, to one call per 250 rather than one each.
/// A contact the search does not return is simply absent from the answer: the caller reads it alone, and only that
/// read may say it is gone (never a deletion, which only a complete listing shows).
/// </summary>
internal sealed class ContactsById
{
    private readonly SalesmateClient client;

    public ContactsById(SalesmateClient client)
    {
        this.client = client;
    }

    /// <summary>The rows of the contacts found, by id, with <paramref name="fields"/>.</summary>
    public async Task<Dictionary<string, JsonObject>> ReadAsync(IEnumerable<string> ids, JsonArray fields, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(SalesmateClient.MaxRows))
        {
            var rows = await client.SearchAsync("contact", Search(chunk, fields), SalesmateClient.MaxRows, 0, listing: false, cancellationToken).ConfigureAwait(false);
            var wanted = chunk.ToHashSet(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (JsonFields.Int(row, "id") is not null && ContactReader.Id(row) is var id && wanted.Contains(id))
                {
                    found[id] = row;
                }
            }
        }

        return found;
    }

    private static JsonObject Search(IEnumerable<string> ids, JsonArray fields) => new()
    {
        ["displayingFields"] = fields.DeepClone(),
        ["filterQuery"] = new JsonObject
        {
            ["group"] = new JsonObject
            {
                ["operator"] = "OR",
                ["rules"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject
                {
                    ["moduleName"] = "Contact",
                    ["field"] = new JsonObject { ["fieldName"] = "id" },
                    ["condition"] = "EQUALS",
                    ["data"] = id,
                })]),
            },
        },
        ["moduleId"] = 1,
        ["reportType"] = "get_data",
        ["sort"] = new JsonObject { ["fieldName"] = "id", ["order"] = "asc" },
        ["getRecordsCount"] = false,
    };
}
