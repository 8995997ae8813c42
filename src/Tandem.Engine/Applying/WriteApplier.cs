using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Engine.Planning;
using Tandem.Engine.State;

namespace Tandem.Engine.Applying;

/// <summary>
/// Applies a page of plans: journals every write first (committed), sends the writes to each app in
/// batches of its size, then settles each plan from its results and commits the page's state in one
/// transaction. A failed write affects only its own contact (SYNC-INVARIANTS 14).
/// </summary>
public sealed class WriteApplier
{
    private readonly SyncRequest request;
    private readonly ISyncSession session;
    private readonly RunReport report;
    private readonly PlanSettler settler;
    private readonly Func<string> newReference;

    public WriteApplier(SyncRequest request, SyncContext context, ISyncSession session, RunReport report, Func<string> newReference)
    {
        this.request = request;
        this.session = session;
        this.report = report;
        this.newReference = newReference;
        settler = new PlanSettler(context, report);
    }

    public async Task ApplyAsync(IReadOnlyList<ItemPlan> plans, CancellationToken cancellationToken)
    {
        var writes = Collect(plans);
        if (writes.Count > 0)
        {
            var ids = await session.AddIntentsAsync(writes.Select(ToIntent).ToArray(), cancellationToken);
            for (var i = 0; i < writes.Count; i++)
            {
                writes[i].JournalId = ids[i];
                writes[i].Operation = writes[i].Operation with { OperationId = ids[i].ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }

            foreach (var side in new[] { Side.A, Side.B })
            {
                await SendAsync(side, writes.Where(w => w.Side == side).ToList(), cancellationToken);
            }
        }

        var stale = await RefetchStaleAsync(writes, cancellationToken);
        var commit = new PageCommit();
        var bySide = writes.ToLookup(w => w.Plan);
        foreach (var plan in plans)
        {
            settler.Settle(plan, bySide[plan].ToList(), stale, commit);
        }

        await session.CommitAsync(commit, cancellationToken);
    }

    private List<PendingWrite> Collect(IReadOnlyList<ItemPlan> plans)
    {
        var writes = new List<PendingWrite>();
        foreach (var plan in plans)
        {
            if (plan.Create is { } create)
            {
                var operation = new CreateOperation(string.Empty, newReference(), create.Fields, create.Tags) { Unsubscribed = create.Unsubscribed };
                writes.Add(new PendingWrite(plan, create.Target, operation, JournalIntentKind.Create));
            }

            foreach (var side in new[] { Side.A, Side.B })
            {
                if (plan.UpdateOf(side) is { } update)
                {
                    writes.Add(new PendingWrite(plan, side, update, JournalIntentKind.Update));
                }
            }

            if (plan.Delete is { } delete)
            {
                writes.Add(new PendingWrite(plan, delete.Side, new DeleteOperation(string.Empty, delete.RecordId), JournalIntentKind.Delete));
            }
        }

        return writes;
    }

    private static JournalIntent ToIntent(PendingWrite write) => write.Operation switch
    {
        CreateOperation create => new JournalIntent(write.Side, "create", null, create.ClientReference, write.Plan.Create!.EmailKey, write.Plan.Create.SourceId),
        UpdateOperation update => new JournalIntent(write.Side, "update", update.RecordId, null, null, null),
        DeleteOperation delete => new JournalIntent(write.Side, "delete", delete.RecordId, null, null, null),
        _ => throw new InvalidOperationException("Unknown write operation."),
    };

    private async Task SendAsync(Side side, List<PendingWrite> writes, CancellationToken cancellationToken)
    {
        var connector = request.ConnectorOf(side);
        var size = Math.Max(1, connector.Capabilities.WriteBatchSize);
        for (var i = 0; i < writes.Count; i += size)
        {
            var batch = writes.GetRange(i, Math.Min(size, writes.Count - i));
            report.Of(side).WriteCalls++;
            IReadOnlyList<WriteResult> results;
            try
            {
                results = await connector.WriteAsync(batch.Select(w => w.Operation).ToArray(), cancellationToken);
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
    }

    private async Task<Dictionary<(Side, string), Domain.Contacts.ContactRecord?>> RefetchStaleAsync(List<PendingWrite> writes, CancellationToken cancellationToken)
    {
        var stale = new Dictionary<(Side, string), Domain.Contacts.ContactRecord?>();
        foreach (var group in writes.Where(w => w.Result?.Failure == WriteFailureKind.StaleVersion && w.Operation is UpdateOperation).GroupBy(w => w.Side))
        {
            var ids = group.Select(w => ((UpdateOperation)w.Operation).RecordId).Distinct(StringComparer.Ordinal).ToArray();
            var connector = request.ConnectorOf(group.Key);
            var found = new Dictionary<string, Domain.Contacts.ContactRecord>(StringComparer.Ordinal);
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
}
