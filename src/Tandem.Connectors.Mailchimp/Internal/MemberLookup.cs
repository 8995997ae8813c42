using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// Reads the current members a batch of updates is about, with as few calls as Mailchimp allows. The members listing
/// cannot filter by id, but a member's <c>last_changed</c> only moves forward: every member of the batch changed at or
/// after the time its version was read at, so one listing <c>since_last_changed</c> the oldest of those times (sorted by
/// <c>last_changed</c>) holds them all. Pages are read until every member is found, unless reading the rest of the
/// listing would take more calls than reading the missing members one by one. Members not found there (archived ones,
/// versions without a time, members that moved while the listing was paged) are read one by one.
/// </summary>
internal sealed class MemberLookup
{
    private readonly MailchimpClient client;

    public MemberLookup(MailchimpClient client)
    {
        this.client = client;
    }

    /// <summary>The live members with these ids (contact ids); ids gone or archived are left out.</summary>
    public async Task<Dictionary<string, JsonObject>> ReadAsync(IReadOnlyList<(string Id, string? Version)> wanted, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var times = wanted.Select(w => MemberReader.VersionTime(w.Version)).OfType<DateTimeOffset>().ToList();
        if (times.Count > 0)
        {
            await ListSinceAsync(times.Min(), wanted.Select(w => w.Id).ToHashSet(StringComparer.Ordinal), found, cancellationToken).ConfigureAwait(false);
        }

        var missing = wanted.Select(w => w.Id).Where(id => !found.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        var single = new JsonObject?[missing.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, missing.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MailchimpClient.MaxConnections, CancellationToken = cancellationToken },
            async (i, ct) => single[i] = await ReadOneAsync(missing[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        for (var i = 0; i < missing.Count; i++)
        {
            if (single[i] is { } member)
            {
                found[missing[i]] = member;
            }
        }

        return found;
    }

    private async Task ListSinceAsync(DateTimeOffset oldest, HashSet<string> ids, Dictionary<string, JsonObject> found, CancellationToken cancellationToken)
    {
        // "since" is strictly after, at one-second resolution: one second earlier includes the members still at that second.
        var since = Uri.EscapeDataString(MailchimpTime.Stamp(oldest.AddSeconds(-1)));
        var offset = 0;
        while (true)
        {
            var answer = await client.GetAsync(
                string.Create(CultureInfo.InvariantCulture, $"lists/{client.AudienceId}/members?count={MemberFeed.PageSize}&offset={offset}&sort_field=last_changed&sort_dir=ASC&since_last_changed={since}"),
                cancellationToken).ConfigureAwait(false);
            var page = Json.Items(answer, "members").ToList();
            foreach (var member in page)
            {
                var id = MemberReader.Id(member);
                if (ids.Contains(id))
                {
                    found[id] = member;
                }
            }

            offset += page.Count;
            var left = (Json.Int(answer, "total_items") ?? 0) - offset;
            var stillMissing = ids.Count - found.Count;
            var pagesLeft = (left + MemberFeed.PageSize - 1) / MemberFeed.PageSize;
            if (page.Count == 0 || left <= 0 || stillMissing == 0 || pagesLeft > stillMissing)
            {
                return;
            }
        }
    }

    /// <summary>One member by id; null when it is gone or archived.</summary>
    private async Task<JsonObject?> ReadOneAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var member = await client.GetAsync($"lists/{client.AudienceId}/members/{Uri.EscapeDataString(id)}", cancellationToken).ConfigureAwait(false);
            return Json.Text(member, "status") == "archived" ? null : member;
        }
        catch (MailchimpApiException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
