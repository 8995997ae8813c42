using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Engine.State;

namespace Tandem.Engine.Tests.Harness;

/// <summary>
/// Wraps the real state store and "kills the process" at the n-th state call of a run: before the call
/// (its effect is lost) or after it (its effect is committed but the engine never learns). Every later
/// call of the same session fails too, as a dead process makes none.
/// </summary>
public sealed class KillingStore : ISyncStateStore
{
    private readonly ISyncStateStore inner;
    private readonly int killAt;
    private readonly bool afterCall;

    public KillingStore(ISyncStateStore inner, int killAt, bool afterCall)
    {
        this.inner = inner;
        this.killAt = killAt;
        this.afterCall = afterCall;
    }

    public bool Killed { get; private set; }

    public async Task<ISyncSession> OpenAsync(string connectionId, bool dryRun, CancellationToken cancellationToken) =>
        new Session(this, await inner.OpenAsync(connectionId, dryRun, cancellationToken));

    private sealed class Session(KillingStore owner, ISyncSession inner) : ISyncSession
    {
        private int calls;

        public long RunId => inner.RunId;

        public Task<string?> GetCursorAsync(Side side, CancellationToken cancellationToken) => Call(() => inner.GetCursorAsync(side, cancellationToken));

        public Task SaveCursorAsync(Side side, string cursor, CancellationToken cancellationToken) => Call(() => inner.SaveCursorAsync(side, cursor, cancellationToken));

        public Task ReviveDeferredAsync(CancellationToken cancellationToken) => Call(() => inner.ReviveDeferredAsync(cancellationToken));

        public Task StageAsync(Side side, IReadOnlyList<StagedRecord> records, CancellationToken cancellationToken) => Call(() => inner.StageAsync(side, records, cancellationToken));

        public Task<IReadOnlyList<string>> TouchVersionsAsync(Side side, IReadOnlyList<RecordVersion> versions, bool markSeen, CancellationToken cancellationToken) => Call(() => inner.TouchVersionsAsync(side, versions, markSeen, cancellationToken));

        public Task MarkSeenAsync(Side side, IReadOnlyList<string> ids, CancellationToken cancellationToken) => Call(() => inner.MarkSeenAsync(side, ids, cancellationToken));

        public Task<int> CountLiveAsync(Side side, CancellationToken cancellationToken) => Call(() => inner.CountLiveAsync(side, cancellationToken));

        public Task<int> CountUnseenAsync(Side side, CancellationToken cancellationToken) => Call(() => inner.CountUnseenAsync(side, cancellationToken));

        public Task<int> MarkUnseenDeletedAsync(Side side, CancellationToken cancellationToken) => Call(() => inner.MarkUnseenDeletedAsync(side, cancellationToken));

        public Task<int> MarkDeletedAsync(Side side, IReadOnlyList<string> ids, CancellationToken cancellationToken) => Call(() => inner.MarkDeletedAsync(side, ids, cancellationToken));

        public Task<int> RelinkMergedAsync(Side side, IReadOnlyList<RecordMerge> merges, CancellationToken cancellationToken) => Call(() => inner.RelinkMergedAsync(side, merges, cancellationToken));

        public Task<int> MatchAsync(bool force, IReadOnlyList<string> kindsInOrder, CancellationToken cancellationToken) => Call(() => inner.MatchAsync(force, kindsInOrder, cancellationToken));

        public Task<int> RekeyAsync(string signature, Func<Side, Domain.Contacts.ContactRecord, IReadOnlyList<string>> keysOf, CancellationToken cancellationToken) => Call(() => inner.RekeyAsync(signature, keysOf, cancellationToken));

        public Task<IReadOnlyList<WorkItem>> NextDirtyAsync(Side side, int max, CancellationToken cancellationToken) => Call(() => inner.NextDirtyAsync(side, max, cancellationToken));

        public Task<IReadOnlyList<long>> AddIntentsAsync(IReadOnlyList<JournalIntent> intents, CancellationToken cancellationToken) => Call(() => inner.AddIntentsAsync(intents, cancellationToken));

        public Task<IReadOnlyList<JournalEntry>> PendingCreatesAsync(CancellationToken cancellationToken) => Call(() => inner.PendingCreatesAsync(cancellationToken));

        public Task CommitAsync(PageCommit commit, CancellationToken cancellationToken) => Call(() => inner.CommitAsync(commit, cancellationToken));

        public Task FinishAsync(RunReport report, CancellationToken cancellationToken) => Call(() => inner.FinishAsync(report, cancellationToken));

        public ValueTask DisposeAsync() => inner.DisposeAsync();

        private async Task Call(Func<Task> call) => await Call(async () =>
        {
            await call();
            return 0;
        });

        private async Task<T> Call<T>(Func<Task<T>> call)
        {
            if (owner.Killed)
            {
                throw new SimulatedKill();
            }

            var at = ++calls;
            if (at == owner.killAt && !owner.afterCall)
            {
                owner.Killed = true;
                throw new SimulatedKill();
            }

            var result = await call();
            if (at == owner.killAt)
            {
                owner.Killed = true;
                throw new SimulatedKill();
            }

            return result;
        }
    }
}
