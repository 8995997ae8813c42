using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>
/// The reading half of <see cref="PipedriveConnector"/>: the whole listing and the change feed. v2 <c>updated_since</c>
/// polling with a tie-safe cursor, v1 <c>recents</c> for deletions and merges and for the one-call quiet poll.
/// </summary>
internal sealed class PersonFeed
{
    /// <summary>Pipedrive purges deleted persons this long after deletion; an older cursor could miss deletions.</summary>
    internal static readonly TimeSpan DeletionRetention = TimeSpan.FromDays(30);

    internal const int PageSize = 500;
    private const string DeletionsMark = ";d";
    private const string DeletedMark = "x";

    private readonly PipedriveClient client;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly PersonReader reader;
    private readonly Func<CancellationToken, Task<CompanyDirectory>> directory;

    public PersonFeed(PipedriveClient client, TimeProvider time, ILogger logger, PersonReader reader, Func<CancellationToken, Task<CompanyDirectory>> directory)
    {
        this.client = client;
        this.time = time;
        this.logger = logger;
        this.reader = reader;
        this.directory = directory;
    }

    public async IAsyncEnumerable<RecordPage> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var company = await directory(cancellationToken).ConfigureAwait(false);

        // The cursor starts before the first page; every person listed advances it, so whatever changes during
        // the listing has a newer update_time and is read by the change feed.
        var cursor = new FeedCursor(DateTimeOffset.UnixEpoch, time.GetUtcNow(), new HashSet<string>(StringComparer.Ordinal));
        string? page = null;
        while (true)
        {
            var answer = await client.GetAsync($"api/v2/persons?sort_by=update_time&limit={PageSize}&{company.IncludeFields}" + CursorQuery(page), cancellationToken).ConfigureAwait(false);
            var persons = Persons(answer);
            await company.PrepareAsync(persons, cancellationToken).ConfigureAwait(false);
            var records = persons.Select(p => reader.Read(p, company)).ToList();
            cursor = cursor.Advance(persons.Select(p => (PersonReader.Id(p), PersonReader.UpdateTime(p))), cursor.CheckedAt);
            page = Json.Text(answer["additional_data"] as JsonObject, "next_cursor");
            if (page is null)
            {
                yield return new RecordPage(records, cursor.ToString());
                yield break;
            }

            yield return new RecordPage(records);
        }
    }

    public async Task<ChangePage> ReadChangesAsync(string cursor, CancellationToken cancellationToken)
    {
        var (position, deletionsSince) = ParseCursor(cursor);
        var now = time.GetUtcNow();
        if (now - position.CheckedAt >= DeletionRetention)
        {
            PipedriveLog.CursorExpired(logger, (int)(now - position.CheckedAt).TotalDays);
            throw new CursorExpiredException("The Pipedrive cursor was not read for 30 days; deleted persons may be purged, so a full rescan is needed.");
        }

        if (deletionsSince is null && await NothingNewAsync(position, cancellationToken).ConfigureAwait(false))
        {
            // A quiet poll costs one call: recents say nothing changed or was deleted since the cursor.
            return new ChangePage([], [], position.Advance([], now).Settled().ToString(), HasMore: false);
        }

        var company = await directory(cancellationToken).ConfigureAwait(false);
        var since = Uri.EscapeDataString(Rfc3339(position.UpdateTime));
        var persons = new List<JsonObject>();
        string? page = null;
        do
        {
            // updated_since is inclusive: persons already delivered at exactly the cursor's second are skipped. Pages
            // follow Pipedrive's cursor only while every person read shares that second, so the feed always advances.
            var answer = await client.GetAsync($"api/v2/persons?updated_since={since}&sort_by=update_time&limit={PageSize}&{company.IncludeFields}" + CursorQuery(page), cancellationToken).ConfigureAwait(false);
            var read = Persons(answer);
            persons.AddRange(read.Where(p => !Delivered(position, PersonReader.Id(p), PersonReader.UpdateTime(p))));
            page = Json.Text(answer["additional_data"] as JsonObject, "next_cursor");
            if (read.Any(p => PersonReader.UpdateTime(p) > position.UpdateTime))
            {
                break;
            }
        }
        while (page is not null);

        var hasMore = page is not null;
        var seen = persons.Select(p => (Id: PersonReader.Id(p), At: PersonReader.UpdateTime(p))).ToList();
        var deleted = new List<string>();
        if (hasMore)
        {
            // Deletions are read once the changes are caught up, from where this run of pages began.
            await company.PrepareAsync(persons, cancellationToken).ConfigureAwait(false);
            // Deletions are not checked yet, so the 30-day horizon still counts from the last time they were.
            var next = position.Advance(seen, position.CheckedAt);
            return new ChangePage(persons.Select(p => reader.Read(p, company)).ToList(), [], next + DeletionsMark + (deletionsSince ?? position.UpdateTime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), HasMore: true);
        }

        var newest = seen.Count == 0 ? position.UpdateTime : seen.Max(s => s.At);
        var recents = await RecentsAsync(deletionsSince ?? position.UpdateTime, cancellationToken).ConfigureAwait(false);
        var listed = seen.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

        // A person changed after the listing call above is in recents but not listed: deletions from that second on
        // wait for the next read, so the cursor never jumps over the unlisted change.
        var barrier = recents.Where(r => r.Active && !listed.Contains(r.Id) && (r.At > newest || (r.At == newest && !Delivered(position, r.Id, r.At))))
            .Select(r => (DateTimeOffset?)r.At).Min();
        // A deletion is remembered apart from a change ("x" + id): a person delivered as changed may be deleted in the same second.
        // A merge shows in recents as the survivor changed with merge_what_id (the spec's recents person) beside the
        // merged person gone; a gone person naming merged_to_id (issue 14's reading) counts the same.
        var survivors = recents.Where(r => r.Active && r.MergeWhat is not null).GroupBy(r => r.MergeWhat!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Id, StringComparer.Ordinal);
        var merges = new List<RecordMerge>();
        foreach (var (id, at, _, mergedTo, _) in recents.Where(r => !r.Active && (barrier is null || r.At < barrier) && !Delivered(position, DeletedMark + r.Id, r.At)))
        {
            if (!deleted.Contains(id))
            {
                deleted.Add(id);
                seen.Add((DeletedMark + id, at));
                if ((mergedTo ?? survivors.GetValueOrDefault(id)) is { } survivor)
                {
                    // Gone from Pipedrive like a deleted person, but merged into another: the engine re-links, it does
                    // not tag or carry over a deletion.
                    merges.Add(new RecordMerge(id, survivor));
                }
            }
        }

        await company.PrepareAsync(persons, cancellationToken).ConfigureAwait(false);
        var changed = persons.Where(p => !deleted.Contains(PersonReader.Id(p))).Select(p => reader.Read(p, company)).ToList();
        var gone = merges.Select(m => m.GoneId).ToHashSet(StringComparer.Ordinal);

        // With no change waiting beyond the listing (no barrier), the newest second was read whole.
        var after = position.Advance(seen, now);
        return new ChangePage(changed, [.. deleted.Where(id => !gone.Contains(id))], (barrier is null ? after.Settled() : after).ToString(), HasMore: false) { Merges = merges };
    }

    /// <summary>
    /// The feed position, and while a run of pages is under way (<see cref="ChangePage.HasMore"/>) the second from which
    /// its deletions are read: <c>&lt;FeedCursor&gt;;d&lt;unix seconds&gt;</c>.
    /// </summary>
    private static (FeedCursor Position, DateTimeOffset? DeletionsSince) ParseCursor(string cursor)
    {
        try
        {
            var mark = cursor.IndexOf(DeletionsMark, StringComparison.Ordinal);
            return mark < 0
                ? (FeedCursor.Parse(cursor), null)
                : (FeedCursor.Parse(cursor[..mark]), DateTimeOffset.FromUnixTimeSeconds(long.Parse(cursor[(mark + DeletionsMark.Length)..], NumberStyles.Integer, CultureInfo.InvariantCulture)));
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            throw new CursorExpiredException("The saved Pipedrive cursor is not readable; a full rescan is needed.", ex);
        }
    }

    private static bool Delivered(FeedCursor position, string id, DateTimeOffset at) => at == position.UpdateTime && position.IdsAtUpdateTime.Contains(id);

    internal static List<JsonObject> Persons(JsonObject answer) => (answer["data"] as JsonArray ?? []).OfType<JsonObject>().ToList();

    private static string CursorQuery(string? page) => page is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(page);

    private static string Rfc3339(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether recents (inclusive of the cursor's second) list only persons already delivered at that second: then
    /// nothing changed and nothing was deleted since, and the poll needs no other call. One call, a small page.
    /// </summary>
    private async Task<bool> NothingNewAsync(FeedCursor position, CancellationToken cancellationToken)
    {
        var limit = position.IdsAtUpdateTime.Count + 1;
        if (limit > PageSize)
        {
            return false;
        }

        var answer = await client.GetAsync($"api/v1/recents?items=person&since_timestamp={RecentsStamp(position.UpdateTime)}&start=0&limit={limit}", cancellationToken).ConfigureAwait(false);
        return V1Pagination.NextStart(answer, 0, limit) is null
            && RecentItems(answer).All(r => r.At == position.UpdateTime && Delivered(position, r.Active ? r.Id : DeletedMark + r.Id, r.At));
    }

    private static string RecentsStamp(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));

    /// <summary>
    /// The persons of one recents answer: id, update time, whether the person is still there, for one merged into another
    /// the survivor's id (<c>merged_to_id</c>), and for a survivor the merged person's id (<c>merge_what_id</c>).
    /// </summary>
    private static IEnumerable<(string Id, DateTimeOffset At, bool Active, string? MergedTo, string? MergeWhat)> RecentItems(JsonObject answer)
    {
        foreach (var item in (answer["data"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var data = item["data"] as JsonObject;
            if (Json.Text(item, "item") != "person" || (Json.Int(data, "id") ?? Json.Int(item, "id")) is not { } id
                || PersonReader.ParseTime(Json.Text(data, "update_time")) is not { } at)
            {
                continue;
            }

            yield return (id.ToString(CultureInfo.InvariantCulture), at, data?["active_flag"]?.GetValue<bool>() != false,
                Json.Int(data, "merged_to_id")?.ToString(CultureInfo.InvariantCulture), Json.Int(data, "merge_what_id")?.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>v1 recents for persons since a second: who changed and who was deleted (<c>active_flag: false</c>).</summary>
    private async Task<List<(string Id, DateTimeOffset At, bool Active, string? MergedTo, string? MergeWhat)>> RecentsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var items = new List<(string Id, DateTimeOffset At, bool Active, string? MergedTo, string? MergeWhat)>();
        var stamp = RecentsStamp(since);
        var start = 0;
        while (true)
        {
            var answer = await client.GetAsync($"api/v1/recents?items=person&since_timestamp={stamp}&start={start}&limit={PageSize}", cancellationToken).ConfigureAwait(false);
            items.AddRange(RecentItems(answer));
            if (V1Pagination.NextStart(answer, start, PageSize) is not { } next)
            {
                return items;
            }

            start = next;
        }
    }
}
