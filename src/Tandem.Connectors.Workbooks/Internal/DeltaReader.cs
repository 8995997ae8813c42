using System.Text.Json.Nodes;

namespace Tandem.Connectors.Workbooks.Internal;

/// <summary>
/// Reads people changed since a cursor the way the client library README's "Deltas" section says: filtered by
/// <c>updated_at ge</c> the cursor's second, sorted by <c>updated_at</c> then <c>id</c> ascending, skipping the ids
/// already delivered at that second. A page whose people all share the cursor's second is followed by the next page at
/// once (more than a page can change in one second), so every read advances. With deleted people
/// (<c>1 AND (2 OR 3)</c> over <c>is_deleted</c> true and false, the README's delta filter) for the change feed.
/// </summary>
internal sealed class DeltaReader
{
    public const int PageSize = 100;

    /// <summary>At most this many people already delivered are asked for again on top of a page.</summary>
    private const int MaxRepeats = 1000;
    private const string Path = "crm/people.api";

    private readonly WorkbooksClient client;

    public DeltaReader(WorkbooksClient client)
    {
        this.client = client;
    }

    /// <summary>The people after <paramref name="cursor"/>, at most about one page, and whether more follow now.</summary>
    public async Task<(List<JsonObject> Rows, bool HasMore)> ReadAsync(FeedCursor cursor, bool withDeleted, CancellationToken cancellationToken)
    {
        var rows = new List<JsonObject>();

        // The people already delivered at the cursor's second come back first; asking for them on top of a page (and
        // one more, to tell a full page from the end) makes a quiet poll, and a page of echoes, one call.
        var limit = PageSize + Math.Min(cursor.IdsAtUpdatedAt.Count, MaxRepeats) + 1;
        for (var start = 0; ; start += limit)
        {
            var form = new WorkbooksForm().Filter("updated_at", "ge", WorkbooksFormats.DateTime(cursor.UpdatedAt));
            if (withDeleted)
            {
                form.Filter("is_deleted", "true", string.Empty).Filter("is_deleted", "false", string.Empty).Add("_fm", "1 AND (2 OR 3)");
            }

            form.Add("_sort[]", "updated_at").Add("_dir[]", "ASC").Add("_sort[]", "id").Add("_dir[]", "ASC").Page(start, limit);
            var page = (await client.ReadAsync(Path, form, cancellationToken).ConfigureAwait(false)).Select(Row).ToList();
            var beyond = false;
            foreach (var row in page)
            {
                var at = PersonReader.UpdatedAt(row);
                if (at < cursor.UpdatedAt)
                {
                    throw new Contract.ConnectorException("Workbooks answered a person changed before the time asked for; Tandem stopped rather than guess.");
                }

                beyond |= at > cursor.UpdatedAt;
                if (!cursor.Delivered(PersonReader.Id(row), at))
                {
                    rows.Add(row);
                }
            }

            if (page.Count < limit)
            {
                return (rows, false);
            }

            if (beyond)
            {
                return (rows, true);
            }
        }
    }

    private static JsonObject Row(JsonNode? node) =>
        node as JsonObject ?? throw new Contract.ConnectorException("Workbooks answered a list with an entry that is not a record; Tandem stopped rather than guess.");
}
