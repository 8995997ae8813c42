using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Engine.Planning;
using Tandem.Engine.State;

namespace Tandem.Engine.Applying;

/// <summary>
/// Applies plans: queues their writes per side until a full batch of that app's size is ready (so N
/// writes cost ceil(N / batch size) calls, SYNC-INVARIANTS 29), journals each batch before sending it,
/// then settles every plan whose writes are all answered and commits them in one transaction. A failed
/// write affects only its own contact (SYNC-INVARIANTS 14). Plans waiting for their batch keep their
/// records in <see cref="DirtyState.Planned"/>, which a stopped run turns back into dirty.
/// </summary>
public sealed class WriteApplier
{
    private readonly SyncRequest request;
    private readonly ISyncSession session;
    private readonly RunReport report;
    private readonly PlanSettler settler;
    private readonly ActivityBudget activity;
    private readonly Func<string> newReference;
    private readonly List<(ItemPlan Plan, List<PendingWrite> Writes)> open = [];
    private readonly HashSet<ItemPlan> waiting = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Side, Queue<PendingWrite>> unsent = new() { [Side.A] = new(), [Side.B] = new() };

    public WriteApplier(SyncRequest request, SyncContext context, ISyncSession session, RunReport report, Func<string> newReference)
    {
        this.request = request;
        this.session = session;
        this.report = report;
        this.newReference = newReference;
        settler = new PlanSettler(context, report);
        activity = new ActivityBudget(context);
    }

    /// <summary>Takes a page of plans; sends whatever full batches they complete.</summary>
    public async Task AddAsync(IReadOnlyList<ItemPlan> plans, CancellationToken cancellationToken)
    {
        foreach (var plan in plans)
        {
            var writes = PendingWrites.For(plan, newReference);
            open.Add((plan, writes));
            foreach (var write in writes)
            {
                unsent[write.Side].Enqueue(write);
            }
        }

        await FlushAsync(final: false, cancellationToken);

        // What still waits for its batch must not come back from the next page's query: mark it planned
        // (a stopped run turns it dirty again). Only the few plans left over are marked, not every plan.
        var planned = new PageCommit();
        foreach (var (plan, _) in open)
        {
            if (waiting.Add(plan))
            {
                MarkItem(plan, planned, DirtyState.Planned);
            }
        }

        await session.CommitAsync(planned, cancellationToken);
    }

    /// <summary>Sends what is left, partial batches included, and settles every open plan.</summary>
    public Task FinishAsync(CancellationToken cancellationToken) => FlushAsync(final: true, cancellationToken);

    private async Task FlushAsync(bool final, CancellationToken cancellationToken)
    {
        foreach (var side in new[] { Side.A, Side.B })
        {
            var size = Math.Max(1, request.ConnectorOf(side).Capabilities.WriteBatchSize);
            var queue = unsent[side];
            while (queue.Count >= size || (final && queue.Count > 0))
            {
                var batch = new List<PendingWrite>(Math.Min(size, queue.Count));
                while (batch.Count < size && queue.Count > 0)
                {
                    batch.Add(queue.Dequeue());
                }

                await JournalAsync(batch, cancellationToken);
                await SendAsync(side, batch, cancellationToken);
            }
        }

        var ready = open.Where(o => o.Writes.TrueForAll(w => w.Result is not null)).ToList();
        if (ready.Count == 0)
        {
            return;
        }

        var answered = ready.SelectMany(o => o.Writes).ToList();
        var stale = await RefetchStaleAsync(answered, cancellationToken);
        var commit = new PageCommit();
        foreach (var (plan, writes) in ready)
        {
            settler.Settle(plan, writes, stale, commit);
        }

        activity.Apply(commit);
        await session.CommitAsync(commit, cancellationToken);
        open.RemoveAll(o => o.Writes.TrueForAll(w => w.Result is not null));
        foreach (var (plan, _) in ready)
        {
            waiting.Remove(plan);
        }
    }

    private async Task JournalAsync(List<PendingWrite> batch, CancellationToken cancellationToken)
    {
        var ids = await session.AddIntentsAsync(batch.Select(PendingWrites.Intent).ToArray(), cancellationToken);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].JournalId = ids[i];
            batch[i].Operation = batch[i].Operation with { OperationId = ids[i].ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    private async Task SendAsync(Side side, List<PendingWrite> batch, CancellationToken cancellationToken)
    {
        report.Of(side).WriteCalls++;
        IReadOnlyList<WriteResult> results;
        try
        {
            results = await request.ConnectorOf(side).WriteAsync(batch.Select(w => w.Operation).ToArray(), cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or ConnectorException { IsAuthorizationFailure: true }))
        {
            // The call failed as a whole: any of its writes may or may not have happened.
            var reason = ex is ConnectorException ? ex.Message : $"The app did not answer ({ex.GetType().Name}).";
            results = batch.Select(w => WriteResult.Failed(w.Operation.OperationId, WriteFailureKind.Unknown, reason)).ToArray();
        }

        var byId = results.ToDictionary(r => r.OperationId, StringComparer.Ordinal);
        foreach (var write in batch)
        {
            write.Result = byId.GetValueOrDefault(write.Operation.OperationId)
                ?? WriteResult.Failed(write.Operation.OperationId, WriteFailureKind.Unknown, "The app's answer did not mention this write.");
        }
    }

    private async Task<Dictionary<(Side, string), ContactRecord?>> RefetchStaleAsync(List<PendingWrite> writes, CancellationToken cancellationToken)
    {
        var stale = new Dictionary<(Side, string), ContactRecord?>();
        foreach (var group in writes.Where(w => w.Result?.Failure == WriteFailureKind.StaleVersion && w.Operation is UpdateOperation).GroupBy(w => w.Side))
        {
            var ids = group.Select(w => ((UpdateOperation)w.Operation).RecordId).Distinct(StringComparer.Ordinal).ToArray();
            var connector = request.ConnectorOf(group.Key);
            var found = new Dictionary<string, ContactRecord>(StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(Math.Max(1, connector.Capabilities.ReadBatchSize)))
            {
                foreach (var record in await connector.GetAsync(chunk, cancellationToken))
                {
                    found[record.Id] = record;
                }
            }

            foreach (var id in ids)
            {
                stale[(group.Key, id)] = found.GetValueOrDefault(id);
            }
        }

        return stale;
    }

    private static void MarkItem(ItemPlan plan, PageCommit commit, DirtyState state)
    {
        if (plan.Item.A is { } a)
        {
            commit.Records.Add(new RecordWrite(Side.A, a.Id, state));
        }

        if (plan.Item.B is { } b)
        {
            commit.Records.Add(new RecordWrite(Side.B, b.Id, state));
        }
    }
}
