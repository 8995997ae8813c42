using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Salesmate.Internal;

/// <summary>
/// Reads the contacts a version listing showed as moved with the search on <c>lastModifiedAt</c> (ascending, 250 rows a
/// call, <c>from</c> offset) rather than one get each: from one millisecond before the oldest of their versions, so
/// contacts sharing that millisecond are included (the tie). A contact the search does not return — its version was not
/// among the recent ones, it moved past the offset while the pages were read, or the range holds too many others to
/// be worth reading — is read with its own get, so the search only ever saves calls and never loses a contact.
/// </summary>
internal sealed class ChangedContactReads
{
    /// <summary>Read the range only while it holds at most this many contacts per contact wanted (besides one page).</summary>
    private const int MostPerWanted = 4;

    private readonly SalesmateClient client;

    public ChangedContactReads(SalesmateClient client)
    {
        this.client = client;
    }

    /// <summary>The rows of the wanted contacts the search found, by id; the others are left to the caller.</summary>
    public async Task<Dictionary<string, JsonObject>> SearchAsync(IReadOnlyCollection<string> wanted, RecentVersions recent, JsonArray fields, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var versions = wanted.Select(recent.Of).ToList();
        if (wanted.Count < 2 || versions.Any(v => v is null) || versions.Min(StringComparer.Ordinal) is not { } oldest
            || !DateTimeOffset.TryParse(oldest, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var since))
        {
            return found;
        }

        var after = since.AddMilliseconds(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var ids = wanted.ToHashSet(StringComparer.Ordinal);
        var from = 0;
        var pages = (wanted.Count * MostPerWanted / SalesmateClient.MaxRows) + 2;
        while (pages-- > 0)
        {
            var data = await client.SearchPageAsync("contact", Search(fields, after, count: from == 0), SalesmateClient.MaxRows, from, cancellationToken).ConfigureAwait(false);
            var rows = JsonFields.Items(data, "data").ToList();
            if (from == 0 && JsonFields.Int(data, "totalRows") is { } total && total > (wanted.Count * MostPerWanted) + SalesmateClient.MaxRows)
            {
                // Too many other contacts changed since: one get per wanted contact is cheaper than reading them all.
                return found;
            }

            foreach (var row in rows)
            {
                var id = ContactReader.Id(row);
                if (ids.Contains(id))
                {
                    found[id] = row;
                }
            }

            from += rows.Count;
            if (rows.Count < SalesmateClient.MaxRows || found.Count == ids.Count)
            {
                return found;
            }
        }

        return found;
    }

    private static JsonObject Search(JsonArray fields, string after, bool count) => new()
    {
        ["displayingFields"] = fields.DeepClone(),
        ["filterQuery"] = new JsonObject
        {
            ["group"] = new JsonObject
            {
                ["operator"] = "AND",
                ["rules"] = new JsonArray(new JsonObject { ["moduleName"] = "Contact", ["field"] = new JsonObject { ["fieldName"] = "lastModifiedAt" }, ["condition"] = "IS_AFTER", ["data"] = after }),
            },
        },
        ["moduleId"] = 1,
        ["reportType"] = "get_data",
        ["sort"] = new JsonObject { ["fieldName"] = "lastModifiedAt", ["order"] = "asc" },
        ["getRecordsCount"] = count,
    };
}
