using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;

namespace Tandem.Engine.State;

/// <summary>
/// The state of one connection during one run. All state lives in the database: a run may stop at any
/// point and the next one, in any process, goes on from what was committed. In a dry run the session
/// keeps everything in one transaction and rolls it back when disposed.
/// </summary>
public interface ISyncSession : IAsyncDisposable
{
    /// <summary>This run's id; it also serves as the scan generation of complete listings.</summary>
    long RunId { get; }

    Task<string?> GetCursorAsync(Side side, CancellationToken cancellationToken);

    /// <summary>Saves a cursor. Call only once every write the cursor covers is committed.</summary>
    Task SaveCursorAsync(Side side, string cursor, CancellationToken cancellationToken);

    /// <summary>Records a run left for the next one (<see cref="DirtyState.NextRun"/>) or left unsettled (<see cref="DirtyState.Planned"/>) become dirty again.</summary>
    Task ReviveDeferredAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stages records read from an app, marking them seen in this run: new records and records whose
    /// content hash differs from the stored one become dirty; the same content (an echo, a new etag, a
    /// tie re-read) changes nothing but the version.
    /// </summary>
    Task StageAsync(Side side, IReadOnlyList<StagedRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// Returns the ids that are new or whose version moved; with <paramref name="markSeen"/> (a complete
    /// listing), also marks the others seen in this run.
    /// </summary>
    Task<IReadOnlyList<string>> TouchVersionsAsync(Side side, IReadOnlyList<RecordVersion> versions, bool markSeen, CancellationToken cancellationToken);

    /// <summary>
    /// Marks records as seen in this run without staging them: listed, but unreadable right now (a
    /// malformed file). A record that could not be read is never taken for deleted.
    /// </summary>
    Task MarkSeenAsync(Side side, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>Live (not deleted) records of a side.</summary>
    Task<int> CountLiveAsync(Side side, CancellationToken cancellationToken);

    /// <summary>Live records of a side that this run's complete listing did not see.</summary>
    Task<int> CountUnseenAsync(Side side, CancellationToken cancellationToken);

    /// <summary>Marks the unseen live records of a side deleted (and dirty). Only after a complete listing.</summary>
    Task<int> MarkUnseenDeletedAsync(Side side, CancellationToken cancellationToken);

    /// <summary>Marks these records deleted (and dirty): tombstones from a change feed.</summary>
    Task<int> MarkDeletedAsync(Side side, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Handles merges reported by a side's change feed: the gone record's link moves to the survivor when the survivor
    /// has none (both marked dirty, so the merged content is planned against the pair's baseline); when the survivor
    /// is linked already, the gone record's link is dropped and its counterpart left as it is (never deleted or
    /// tagged). The gone record is forgotten either way. Returns the number of links moved.
    /// </summary>
    Task<int> RelinkMergedAsync(Side side, IReadOnlyList<RecordMerge> merges, CancellationToken cancellationToken);

    /// <summary>
    /// Releases links whose deleted side has a new record sharing a key with the survivor, then links
    /// unlinked live records of both sides that share keys and nobody else does (kinds of key tried in
    /// <paramref name="kindsInOrder"/>); marks both dirty, and stores the verdict of those it could not link.
    /// Unless <paramref name="force"/> is set, does nothing when no record is dirty. Returns the number of new links.
    /// </summary>
    Task<int> MatchAsync(bool force, IReadOnlyList<string> kindsInOrder, CancellationToken cancellationToken);

    /// <summary>
    /// When the stored keys were read under another <paramref name="signature"/> (the matching settings
    /// changed, or the keys predate them), reads every record's keys again from its stored snapshot with
    /// <paramref name="keysOf"/> and marks the unlinked ones dirty. Returns the number of records read again.
    /// </summary>
    Task<int> RekeyAsync(string signature, Func<Side, Domain.Contacts.ContactRecord, IReadOnlyList<string>> keysOf, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> dirty records of a side, each with its link and the other side's record.</summary>
    Task<IReadOnlyList<WorkItem>> NextDirtyAsync(Side side, int max, CancellationToken cancellationToken);

    /// <summary>Records (and commits) intents before the writes are made; returns their ids in order.</summary>
    Task<IReadOnlyList<long>> AddIntentsAsync(IReadOnlyList<JournalIntent> intents, CancellationToken cancellationToken);

    /// <summary>Creates whose outcome was never recorded (the process stopped, or the answer was lost).</summary>
    Task<IReadOnlyList<JournalEntry>> PendingCreatesAsync(CancellationToken cancellationToken);

    Task CommitAsync(PageCommit commit, CancellationToken cancellationToken);

    /// <summary>Writes the run's outcome.</summary>
    Task FinishAsync(RunReport report, CancellationToken cancellationToken);
}
