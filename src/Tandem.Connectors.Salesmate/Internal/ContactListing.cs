using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Salesmate.Internal;

/// <summary>
/// Every contact, in pages of a v4 search sorted by id (ids only grow, so a contact created meanwhile lands at the
/// end). Salesmate pages by offset, so a contact deleted before the current offset would shift the next page and hide
/// one contact: each page after the first is asked from one row earlier, and when that row is not the last one seen,
/// the listing starts over (contacts already returned are not returned twice). A listing that keeps shifting ends
/// with an error rather than as a complete listing, so no deletion is ever inferred from a listing with a hole.
/// </summary>
internal sealed class ContactListing
{
    private const int Attempts = 3;

    private readonly SalesmateClient client;
    private readonly ILogger logger;

    public ContactListing(SalesmateClient client, ILogger logger)
    {
        this.client = client;
        this.logger = logger;
    }

    /// <summary>The pages of rows with <paramref name="fields"/>; the last one says so (possibly empty).</summary>
    public async IAsyncEnumerable<(List<JsonObject> Rows, bool Last)> PagesAsync(JsonArray fields, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var returned = new HashSet<int>();
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var from = 0;
            int? lastId = null;
            var shifted = false;
            while (true)
            {
                var ask = lastId is null ? from : from - 1;
                var rows = await client.SearchAsync("contact", Search(fields), SalesmateClient.MaxRows, ask, listing: true, cancellationToken).ConfigureAwait(false);
                var full = rows.Count == SalesmateClient.MaxRows;
                if (lastId is not null)
                {
                    if (rows.Count == 0 || JsonFields.Int(rows[0], "id") != lastId)
                    {
                        shifted = true;
                        break;
                    }

                    rows.RemoveAt(0);
                }

                from += rows.Count;
                if (rows.Count > 0)
                {
                    lastId = JsonFields.Int(rows[^1], "id");
                }

                var fresh = rows.Where(r => JsonFields.Int(r, "id") is { } id && returned.Add(id)).ToList();
                yield return (fresh, !full);
                if (!full)
                {
                    yield break;
                }
            }

            if (shifted)
            {
                SalesmateLog.ListingShifted(logger, attempt + 1);
            }
        }

        throw new ConnectorException("Salesmate's contacts kept changing while Tandem listed them, so the listing is not complete; the next run lists them again.");
    }

    private static JsonObject Search(JsonArray fields) => new()
    {
        ["displayingFields"] = fields.DeepClone(),
        ["filterQuery"] = new JsonObject { ["group"] = new JsonObject { ["operator"] = "AND", ["rules"] = new JsonArray() } },
        ["moduleId"] = 1,
        ["reportType"] = "get_data",
        ["sort"] = new JsonObject { ["fieldName"] = "id", ["order"] = "asc" },
        ["getRecordsCount"] = false,
    };
}
