using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Engine.Matching;
using Tandem.Engine.State;

namespace Tandem.Engine.Collecting;

/// <summary>
/// Reads what changed on one side into the state: a complete listing the first time (or when a cursor
/// expired, or on a rescan), the change feed afterwards. Only stages; never writes to an app, never
/// saves the cursor (that happens after the writes it covers are committed), never marks deletions
/// (the deletion guard looks first).
/// </summary>
public sealed class FeedCollector
{
    private readonly ISyncSession session;

    public FeedCollector(ISyncSession session)
    {
        this.session = session;
    }

    /// <summary>
    /// Collects A, then B, with B's first change page already asked for while A is collected: the two apps are
    /// independent, so a side that is slow to answer (a CardDAV server working out its sync report) no longer waits
    /// for the other's answer first. Staging stays one side after the other, on the session's one connection.
    /// </summary>
    public async Task<(SideCollection A, SideCollection B)> CollectBothAsync(
        IContactConnector connectorA,
        MatchKeyReader keysA,
        IContactConnector connectorB,
        MatchKeyReader keysB,
        bool rescan,
        CancellationToken cancellationToken)
    {
        var cursorB = rescan ? null : await session.GetCursorAsync(Side.B, cancellationToken);
        using var stopAhead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var aheadB = ReadsChanges(connectorB, cursorB) ? ReadAheadAsync(connectorB, cursorB!, stopAhead.Token) : null;
        try
        {
            var a = await CollectAsync(Side.A, connectorA, keysA, rescan, cancellationToken);
            return (a, await CollectAsync(Side.B, connectorB, keysB, rescan, cancellationToken, aheadB));
        }
        catch
        {
            await AbandonAsync(aheadB, stopAhead);
            throw;
        }
    }

    public async Task<SideCollection> CollectAsync(Side side, IContactConnector connector, MatchKeyReader keys, bool rescan, CancellationToken cancellationToken) =>
        await CollectAsync(side, connector, keys, rescan, cancellationToken, firstPage: null);

    private static bool ReadsChanges(IContactConnector connector, string? cursor) =>
        cursor is not null && !connector.Capabilities.IsWriteOnly && connector.Capabilities.ChangeFeed != ChangeFeedKind.VersionListing;

    // Awaited inside, so that even a connector that throws before its first await fails the task, not the caller:
    // B's failure is then met where it was before, when B is collected.
    private static async Task<ChangePage> ReadAheadAsync(IContactConnector connector, string cursor, CancellationToken cancellationToken) =>
        await connector.ReadChangesAsync(cursor, cancellationToken);

    // A read ahead that is no longer wanted is stopped and its end observed, so no failure of it goes unseen.
    private static async Task AbandonAsync(Task<ChangePage>? ahead, CancellationTokenSource stop)
    {
        if (ahead is null)
        {
            return;
        }

        await stop.CancelAsync();
        try
        {
            await ahead;
        }
        catch (Exception)
        {
            // The run already failed for another reason; this read's own end changes nothing.
        }
    }

    private async Task<SideCollection> CollectAsync(Side side, IContactConnector connector, MatchKeyReader keys, bool rescan, CancellationToken cancellationToken, Task<ChangePage>? firstPage)
    {
        var result = await CollectFeedAsync(side, connector, keys, rescan, firstPage, cancellationToken);
        if (result.DeletionsDetected > 0)
        {
            // Only the deletion guard needs it, and only when something went missing (deletions are not marked yet).
            result.LiveBefore = await session.CountLiveAsync(side, cancellationToken);
        }

        return result;
    }

    private async Task<SideCollection> CollectFeedAsync(Side side, IContactConnector connector, MatchKeyReader keys, bool rescan, Task<ChangePage>? firstPage, CancellationToken cancellationToken)
    {
        var result = new SideCollection();
        if (connector.Capabilities.IsWriteOnly)
        {
            // A write-only app has no feed to wait for: its records are the ones Tandem wrote, staged with their results.
            return result;
        }

        var cursor = rescan ? null : await session.GetCursorAsync(side, cancellationToken);
        if (connector.Capabilities.ChangeFeed == ChangeFeedKind.VersionListing && cursor is not null)
        {
            await CollectVersionsAsync(side, connector, keys, result, cancellationToken);
            result.NextCursor = cursor;
            return result;
        }

        if (cursor is not null)
        {
            try
            {
                await CollectChangesAsync(side, connector, keys, cursor, firstPage, result, cancellationToken);
                return result;
            }
            catch (CursorExpiredException)
            {
                // The app dropped our cursor: a full listing, which writes nothing for unchanged records (SYNC-INVARIANTS 24).
                result.Tombstones.Clear();
            }
        }

        await CollectAllAsync(side, connector, keys, result, cancellationToken);
        return result;
    }

    private async Task CollectAllAsync(Side side, IContactConnector connector, MatchKeyReader keys, SideCollection result, CancellationToken cancellationToken)
    {
        // A side listed for the first time has nothing stored to compare versions with.
        var empty = await session.CountLiveAsync(side, cancellationToken) == 0;
        await foreach (var page in connector.ListAllAsync(cancellationToken))
        {
            await StageMovedAsync(side, page.Records, keys, completeListing: true, empty, cancellationToken);
            result.Read += page.Records.Count;
            if (page.CursorAfter is not null)
            {
                result.NextCursor = page.CursorAfter;
            }
        }

        if (connector.Capabilities.ChangeFeed == ChangeFeedKind.VersionListing)
        {
            // Version listings need no cursor; this one only says "listed once, diff from now on".
            result.NextCursor ??= "versions";
        }

        result.CompleteListing = true;
        result.Unseen = await session.CountUnseenAsync(side, cancellationToken);
    }

    /// <summary>
    /// Stages the records whose version moved. A record whose version is the one already stored (an echo
    /// of Tandem's own write, a tie re-read, an unchanged record in a full listing) is only marked seen:
    /// the same version is the same content, so it is neither serialised nor hashed again.
    /// </summary>
    private async Task StageMovedAsync(Side side, IReadOnlyList<Domain.Contacts.ContactRecord> records, MatchKeyReader keys, bool completeListing, bool sideIsEmpty, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        IReadOnlyList<Domain.Contacts.ContactRecord> changed = records;
        if (!sideIsEmpty)
        {
            var versions = records.Where(r => r.Version is not null).Select(r => new RecordVersion(r.Id, r.Version!)).ToArray();
            var moved = (await session.TouchVersionsAsync(side, versions, completeListing, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            changed = records.Where(r => r.Version is null || moved.Contains(r.Id)).ToArray();
        }

        await session.StageAsync(side, Staging.Stage(changed, keys), cancellationToken);
    }

    private async Task CollectChangesAsync(Side side, IContactConnector connector, MatchKeyReader keys, string cursor, Task<ChangePage>? firstPage, SideCollection result, CancellationToken cancellationToken)
    {
        var next = cursor;
        ChangePage page;
        do
        {
            page = firstPage is null ? await connector.ReadChangesAsync(next, cancellationToken) : await firstPage;
            firstPage = null;
            await StageMovedAsync(side, page.Changed, keys, completeListing: false, sideIsEmpty: false, cancellationToken);
            result.Read += page.Changed.Count;
            if (page.ChangedVersions.Count > 0)
            {
                result.Read += await FetchMovedAsync(side, connector, keys, page.ChangedVersions, markSeen: false, cancellationToken);
            }

            // A merged-away id is re-linked, never a deletion, even when the app also lists it as deleted.
            var merged = page.Merges.Select(m => m.GoneId).ToHashSet(StringComparer.Ordinal);
            result.Merges.AddRange(page.Merges);
            result.Tombstones.RemoveAll(merged.Contains);
            result.Tombstones.AddRange(page.DeletedIds.Where(id => !merged.Contains(id)));
            next = page.NextCursor;
        }
        while (page.HasMore);

        result.NextCursor = next;
    }

    private async Task CollectVersionsAsync(Side side, IContactConnector connector, MatchKeyReader keys, SideCollection result, CancellationToken cancellationToken)
    {
        await foreach (var versions in connector.ListVersionsAsync(cancellationToken))
        {
            result.Read += await FetchMovedAsync(side, connector, keys, versions, markSeen: true, cancellationToken);
        }

        result.CompleteListing = true;
        result.Unseen = await session.CountUnseenAsync(side, cancellationToken);
    }

    /// <summary>
    /// Fetches and stages the records of <paramref name="versions"/> whose version moved; returns how many were read.
    /// In a complete listing (<paramref name="markSeen"/>) a record gone between the listing and the fetch is still
    /// marked seen: it is not taken for a deletion on the strength of a race. In a change feed it is left alone: its
    /// tombstone comes with the next page or run.
    /// </summary>
    private async Task<int> FetchMovedAsync(Side side, IContactConnector connector, MatchKeyReader keys, IReadOnlyList<RecordVersion> versions, bool markSeen, CancellationToken cancellationToken)
    {
        var batch = Math.Max(1, connector.Capabilities.ReadBatchSize);
        var moved = await session.TouchVersionsAsync(side, versions, markSeen, cancellationToken);
        var read = 0;
        foreach (var ids in moved.Chunk(batch))
        {
            var records = await connector.GetAsync(ids, cancellationToken);
            await session.StageAsync(side, Staging.Stage(records, keys), cancellationToken);
            if (markSeen && records.Count < ids.Length)
            {
                var got = records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
                await session.MarkSeenAsync(side, ids.Where(id => !got.Contains(id)).ToArray(), cancellationToken);
            }

            read += records.Count;
        }

        return read;
    }
}
