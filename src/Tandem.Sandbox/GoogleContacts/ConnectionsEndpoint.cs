using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// <c>GET /v1/people/me/connections</c>: a full listing (optionally ending in a sync token) or the changes
/// since a sync token, tombstones included, oldest change first, in pages.
/// </summary>
internal sealed class ConnectionsEndpoint
{
    private readonly PeopleStore store;
    private readonly GoogleSandboxFaults faults;
    private readonly GoogleSandboxOptions options;
    private readonly TimeProvider time;

    public ConnectionsEndpoint(PeopleStore store, GoogleSandboxFaults faults, GoogleSandboxOptions options, TimeProvider time)
    {
        this.store = store;
        this.faults = faults;
        this.options = options;
        this.time = time;
    }

    public JsonObject List(IQueryCollection query)
    {
        var mask = PersonFields.ParseMask(query["personFields"], PersonFields.Readable, "personFields");
        var pageSize = PageSize(query["pageSize"]);
        var requestSyncToken = string.Equals(query["requestSyncToken"], "true", StringComparison.OrdinalIgnoreCase);

        // Google requires every other parameter of a continued listing to match the first call.
        var fingerprint = query["personFields"] + "|" + query["sortOrder"] + "|" + requestSyncToken + "|" + query["sources"];
        var profile = ReadSources.IncludeProfile(query["sources"]);
        long after, upTo, syncFrom;
        if (query["pageToken"].ToString() is { Length: > 0 } pageToken)
        {
            (after, upTo, syncFrom) = SyncTokens.ReadPage(pageToken, fingerprint)
                ?? throw GoogleApiException.Invalid("Request contains an invalid argument: the page token does not match the request.");
        }
        else if (query["syncToken"].ToString() is { Length: > 0 } syncToken)
        {
            syncFrom = SyncTokens.ReadSync(syncToken, faults.SyncTokenEpoch, time.GetUtcNow(), options.SyncTokenLifetime)
                ?? throw GoogleErrors.ExpiredSyncToken();
            after = syncFrom;
            upTo = store.Sequence;
        }
        else
        {
            syncFrom = -1;
            after = 0;
            upTo = store.Sequence;
        }

        var incremental = syncFrom >= 0;
        var now = time.GetUtcNow();

        // Changes still propagating wait: changes since a sync token end before the first of them (they come with a later
        // token, in order); a full listing leaves out contacts created too recently to show, and its sync token also ends
        // before the first change still propagating, so the next sync brings what the listing could not show yet.
        if (incremental && query["pageToken"].Count == 0)
        {
            upTo = Math.Max(after, Math.Min(upTo, store.Horizon(now)));
        }

        var response = new JsonObject();
        var connections = store.Atomically(() =>
        {
            var (items, more) = store.Page(after, upTo, includeDeleted: incremental, pageSize, incremental ? null : now);
            if (more)
            {
                response["nextPageToken"] = SyncTokens.Page(items[^1].Sequence, upTo, syncFrom, fingerprint);
            }

            return new JsonArray(items.Select(c => (JsonNode)PersonShape.Render(c, mask, store.PhotoOrigin, profile, previousNames: incremental)).ToArray());
        });

        if (connections.Count > 0)
        {
            response["connections"] = connections;
        }

        if (response["nextPageToken"] is null && (requestSyncToken || incremental))
        {
            response["nextSyncToken"] = SyncTokens.Sync(faults.SyncTokenEpoch, Math.Max(incremental ? syncFrom : 0, Math.Min(upTo, store.Horizon(now))), time.GetUtcNow());
        }

        response["totalPeople"] = incremental ? store.CountBetween(syncFrom, upTo, includeDeleted: true) : store.Count;
        response["totalItems"] = response["totalPeople"]!.DeepClone();
        return response;
    }

    private static int PageSize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 100;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size is < 1 or > 1000)
        {
            throw GoogleApiException.Invalid("pageSize must be between 1 and 1000.");
        }

        return size;
    }
}
