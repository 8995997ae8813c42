using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Engine.Collecting;
using Tandem.Engine.Planning;
using Tandem.Engine.Matching;
using Tandem.Engine.State;

namespace Tandem.Engine.Applying;

/// <summary>
/// Turns one plan and the results of its writes into state: the new baseline (read back from what the
/// apps now hold, so it reflects only what was really written), links, health, activity and journal.
/// </summary>
public sealed class PlanSettler
{
    /// <summary>How often one contact is re-read and re-merged after stale-version answers in one run.</summary>
    public const int MaxStaleAttempts = 3;

    private readonly SyncContext context;
    private readonly RunReport report;
    private readonly Dictionary<string, int> staleAttempts = new(StringComparer.Ordinal);

    public PlanSettler(SyncContext context, RunReport report)
    {
        this.context = context;
        this.report = report;
    }

    public void Settle(ItemPlan plan, List<PendingWrite> writes, Dictionary<(Side, string), ContactRecord?> stale, PageCommit commit)
    {
        var failed = writes.Where(w => w.Result is { Succeeded: false }).ToList();
        foreach (var write in writes)
        {
            var done = write.Result is { Succeeded: true };
            if (done || write.Result?.Failure != WriteFailureKind.Unknown)
            {
                commit.Journal.Add((write.JournalId, done ? JournalState.Done : JournalState.Failed, write.Result?.Record?.Id, write.Result?.Reason));
            }
        }

        if (failed.Count == 0)
        {
            SettleSuccess(plan, writes, commit);
            return;
        }

        // Whatever did succeed is staged, so its echo is recognised; the baseline stays as it was.
        foreach (var write in writes.Where(w => w.Result is { Succeeded: true, Record: not null }))
        {
            commit.Records.Add(new RecordWrite(write.Side, write.Result!.Record!.Id, DirtyState.Clean, Staging.Stage(write.Result.Record, KeysOf(write.Side))));
        }

        var kinds = failed.Select(f => f.Result!.Failure!.Value).ToHashSet();
        if (kinds.Contains(WriteFailureKind.Unknown))
        {
            MarkItem(plan, commit, DirtyState.NextRun);
            commit.Activity.Add(new ActivityNote(failed[0].Side, null, "deferred", $"No answer from {context.NameOf(failed[0].Side)}; this contact is checked again on the next run."));
            return;
        }

        if (kinds.Contains(WriteFailureKind.StaleVersion) || kinds.Contains(WriteFailureKind.NotFound))
        {
            var key = KeyOf(plan);
            var attempts = staleAttempts[key] = staleAttempts.GetValueOrDefault(key) + 1;
            foreach (var write in failed.Where(f => f.Operation is UpdateOperation))
            {
                var id = ((UpdateOperation)write.Operation).RecordId;
                var fresh = write.Result!.Failure == WriteFailureKind.StaleVersion ? stale.GetValueOrDefault((write.Side, id)) : null;
                commit.Records.Add(fresh is null
                    ? new RecordWrite(write.Side, id, DirtyState.Dirty, Deleted: true)
                    : new RecordWrite(write.Side, id, DirtyState.Dirty, Staging.Stage(fresh, KeysOf(write.Side))));
            }

            // Re-read and merged again in this run, never overwritten blindly; a record that keeps changing waits for the next run.
            MarkItem(plan, commit, attempts < MaxStaleAttempts ? DirtyState.Dirty : DirtyState.NextRun);
            return;
        }

        foreach (var write in failed)
        {
            var (side, id) = write.Operation is UpdateOperation update ? (write.Side, update.RecordId) : (write.Side.Other(), plan.Create?.SourceId ?? string.Empty);
            var hash = (side == Side.A ? plan.Item.A : plan.Item.B)?.ContentHash ?? 0;
            commit.Health.Add(new HealthNote(side, id, HealthStatus.Failed, $"{context.NameOf(write.Side)} refused the change: {write.Result!.Reason}", hash));
            commit.Activity.Add(new ActivityNote(write.Side, id, "failed", $"{context.NameOf(write.Side)} refused the change: {write.Result.Reason}"));
            report.Of(write.Side).Failed++;
        }

        report.Failed++;
        MarkItem(plan, commit, DirtyState.Clean);
    }

    private void SettleSuccess(ItemPlan plan, List<PendingWrite> writes, PageCommit commit)
    {
        var after = new Dictionary<Side, ContactRecord?> { [Side.A] = plan.A, [Side.B] = plan.B };
        foreach (var write in writes)
        {
            var record = write.Operation switch
            {
                CreateOperation => write.Result!.Record,
                UpdateOperation update => write.Result!.Record ?? RecordChanges.Apply(plan.RecordOf(write.Side)!, update),
                _ => null,
            };
            after[write.Side] = record;
            if (record is not null)
            {
                commit.Records.Add(new RecordWrite(write.Side, record.Id, DirtyState.Clean, Staging.Stage(record, KeysOf(write.Side))));
            }

            Count(write);
        }

        MarkItem(plan, commit, DirtyState.Clean);
        var link = plan.Item.Link;
        var a = after[Side.A];
        var b = after[Side.B];
        switch (plan.Link)
        {
            case LinkAction.Save or LinkAction.BindCreated when a is not null && b is not null:
                foreach (var row in context.Mapping.Rows)
                {
                    plan.Baseline.Set(row.Key, row.Read(Side.A, a), row.Read(Side.B, b));
                }

                commit.Links.Add(new LinkWrite(link?.Id ?? 0, a.Id, b.Id, plan.Baseline.Serialize(), false, false));
                break;
            case LinkAction.MarkDeleted when link is not null:
                commit.Links.Add(new LinkWrite(link.Id, link.AId, link.BId, SurvivorBaseline(plan, after[plan.DeletedSide.Other()]), link.ADeleted || plan.DeletedSide == Side.A, link.BDeleted || plan.DeletedSide == Side.B));
                break;
            case LinkAction.Drop when link is not null:
                commit.Links.Add(new LinkWrite(link.Id, link.AId, link.BId, null, true, true, Delete: true));
                break;
        }

        if (plan.Link is LinkAction.BindCreated && a is not null && b is not null)
        {
            report.Linked++;
        }

        report.Conflicts += plan.Conflicts;
        report.Excluded += plan.Health.Count(h => h.Status == HealthStatus.Excluded);
        commit.Health.AddRange(plan.Health);
        var createdId = writes.FirstOrDefault(w => w.Operation is CreateOperation)?.Result?.Record?.Id;
        commit.Activity.AddRange(plan.Activity.Select(n => n.Kind == "created" && n.RecordId is null ? n with { RecordId = createdId } : n));
    }

    /// <summary>
    /// The link's baseline once the survivor of a deletion was updated (tagged, or set by a "gets deleted" rule):
    /// the survivor's side re-read from what it now holds, so Tandem's own write is never taken for an edit that
    /// would bring the deleted contact back.
    /// </summary>
    private string? SurvivorBaseline(ItemPlan plan, ContactRecord? survivor)
    {
        var stored = plan.Item.Link!.Baseline;
        var kept = plan.DeletedSide.Other();
        if (stored is null || survivor is null || plan.UpdateOf(kept) is null)
        {
            return stored;
        }

        var baseline = Baseline.Parse(stored);
        foreach (var row in context.Mapping.Rows)
        {
            if (baseline.TryGet(row.Key, kept, out _))
            {
                baseline.SetSide(row.Key, kept, row.Read(kept, survivor));
            }
        }

        return baseline.Serialize();
    }

    private void Count(PendingWrite write)
    {
        var counts = report.Of(write.Side);
        switch (write.Operation)
        {
            case CreateOperation:
                counts.Created++;
                break;
            case DeleteOperation:
                counts.Deleted++;
                break;
            case UpdateOperation { Changes.Count: 0 }:
                counts.Tagged++;
                break;
            default:
                counts.Updated++;
                break;
        }
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

    private static string KeyOf(ItemPlan plan) => plan.Item.Link?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? (plan.Item.A?.Id ?? "b:" + plan.Item.B?.Id);

    private MatchKeyReader KeysOf(Side side) => context.KeysOf(side);
}
