using System.Globalization;
using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Engine;
using Tandem.Engine.State;

namespace Tandem.Bench.Measuring;

/// <summary>
/// Times every state method under <c>state.&lt;method&gt;</c> and, when given a <see cref="ProgressLog"/>,
/// reports progress through the run's phases (staging, matching, planning and applying).
/// </summary>
public sealed class TimedSession : ISyncSession
{
    private const int ProgressEvery = 100_000;

    private readonly ISyncSession inner;
    private readonly PhaseClock clock;
    private readonly ProgressLog? progress;
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);

    public TimedSession(ISyncSession inner, PhaseClock clock, ProgressLog? progress)
    {
        this.inner = inner;
        this.clock = clock;
        this.progress = progress;
    }

    public long RunId => inner.RunId;

    public Task<string?> GetCursorAsync(Side side, CancellationToken cancellationToken) =>
        clock.TimeAsync("state.get-cursor", () => inner.GetCursorAsync(side, cancellationToken));

    public Task SaveCursorAsync(Side side, string cursor, CancellationToken cancellationToken) =>
        clock.TimeAsync("state.save-cursor", () => inner.SaveCursorAsync(side, cursor, cancellationToken));

    public Task ReviveDeferredAsync(CancellationToken cancellationToken) =>
        clock.TimeAsync("state.revive-deferred", () => inner.ReviveDeferredAsync(cancellationToken));

    public async Task StageAsync(Side side, IReadOnlyList<StagedRecord> records, CancellationToken cancellationToken)
    {
        await clock.TimeAsync("state.stage", () => inner.StageAsync(side, records, cancellationToken));
        Count($"{side}: staged", records.Count);
    }

    public Task<IReadOnlyList<string>> TouchVersionsAsync(Side side, IReadOnlyList<RecordVersion> versions, bool markSeen, CancellationToken cancellationToken) =>
        clock.TimeAsync("state.touch-versions", () => inner.TouchVersionsAsync(side, versions, markSeen, cancellationToken));

    public Task MarkSeenAsync(Side side, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        clock.TimeAsync("state.mark-seen", () => inner.MarkSeenAsync(side, ids, cancellationToken));

    public Task<int> CountLiveAsync(Side side, CancellationToken cancellationToken) =>
        clock.TimeAsync("state.count-live", () => inner.CountLiveAsync(side, cancellationToken));

    public Task<int> CountUnseenAsync(Side side, CancellationToken cancellationToken) =>
        clock.TimeAsync("state.count-unseen", () => inner.CountUnseenAsync(side, cancellationToken));

    public Task<int> MarkUnseenDeletedAsync(Side side, CancellationToken cancellationToken) =>
        clock.TimeAsync("state.mark-unseen-deleted", () => inner.MarkUnseenDeletedAsync(side, cancellationToken));

    public Task<int> MarkDeletedAsync(Side side, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        clock.TimeAsync("state.mark-deleted", () => inner.MarkDeletedAsync(side, ids, cancellationToken));

    public Task<int> RelinkMergedAsync(Side side, IReadOnlyList<RecordMerge> merges, CancellationToken cancellationToken) =>
        clock.TimeAsync("state.relink-merged", () => inner.RelinkMergedAsync(side, merges, cancellationToken));

    public Task<int> RekeyAsync(string signature, Func<Side, Domain.Contacts.ContactRecord, IReadOnlyList<string>> keysOf, CancellationToken cancellationToken) =>
        clock.TimeAsync("state.rekey", () => inner.RekeyAsync(signature, keysOf, cancellationToken));

    public async Task<int> MatchAsync(bool force, IReadOnlyList<string> kindsInOrder, CancellationToken cancellationToken)
    {
        progress?.Say("matching by email");
        var linked = await clock.TimeAsync("state.match-by-email", () => inner.MatchAsync(force, kindsInOrder, cancellationToken));
        progress?.Say(string.Create(CultureInfo.InvariantCulture, $"matched {linked:N0} pairs; planning and applying"));
        return linked;
    }

    public async Task<IReadOnlyList<WorkItem>> NextDirtyAsync(Side side, int max, CancellationToken cancellationToken)
    {
        var items = await clock.TimeAsync("state.next-dirty", () => inner.NextDirtyAsync(side, max, cancellationToken));
        Count($"dirty from {side}: applied", items.Count);
        return items;
    }

    public Task<IReadOnlyList<long>> AddIntentsAsync(IReadOnlyList<JournalIntent> intents, CancellationToken cancellationToken) =>
        clock.TimeAsync("state.add-intents", () => inner.AddIntentsAsync(intents, cancellationToken));

    public Task<IReadOnlyList<JournalEntry>> PendingCreatesAsync(CancellationToken cancellationToken) =>
        clock.TimeAsync("state.pending-creates", () => inner.PendingCreatesAsync(cancellationToken));

    public Task CommitAsync(PageCommit commit, CancellationToken cancellationToken) =>
        clock.TimeAsync("state.commit", () => inner.CommitAsync(commit, cancellationToken));

    public Task FinishAsync(RunReport report, CancellationToken cancellationToken) =>
        clock.TimeAsync("state.finish", () => inner.FinishAsync(report, cancellationToken));

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private void Count(string what, int added)
    {
        if (progress is null || added == 0)
        {
            return;
        }

        counts.TryGetValue(what, out var before);
        var after = before + added;
        counts[what] = after;
        if (after / ProgressEvery != before / ProgressEvery)
        {
            progress.Say(string.Create(CultureInfo.InvariantCulture, $"{what} {after:N0}"));
        }
    }
}
