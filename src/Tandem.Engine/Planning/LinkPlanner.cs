using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Engine.Snapshots;
using Tandem.Engine.State;

namespace Tandem.Engine.Planning;

/// <summary>
/// Decides, for one changed record and its link, what to write. Every decision comes from the two
/// current records and the baseline (SYNC-INVARIANTS 1); nothing here does I/O.
/// </summary>
public sealed class LinkPlanner
{
    private readonly SyncContext context;
    private readonly CreatePlanner creates;
    private readonly PairMerger pairs;
    private readonly DeletionPlanner deletions;

    public LinkPlanner(SyncContext context)
    {
        this.context = context;
        creates = new CreatePlanner(context);
        pairs = new PairMerger(context);
        deletions = new DeletionPlanner(context, creates);
    }

    public ItemPlan Plan(WorkItem item)
    {
        var a = Live(item.A);
        var b = Live(item.B);
        var plan = new ItemPlan(item, a, b);
        var link = item.Link;
        if (link is null)
        {
            var (side, stored, record) = a is not null ? (Side.A, item.A!, a) : (Side.B, item.B!, b);
            if (record is not null)
            {
                creates.Plan(plan, side, stored, record);
            }

            return plan;
        }

        var baseline = link.Baseline is null ? null : Baseline.Parse(link.Baseline);
        if (a is null && b is null)
        {
            plan.Link = LinkAction.Drop;
            plan.Activity.Add(new ActivityNote(null, null, "unlinked", "Deleted on both sides; the link is dropped."));
        }
        else if (a is null || b is null)
        {
            var gone = a is null ? Side.A : Side.B;
            deletions.Plan(plan, gone, baseline);
        }
        else
        {
            pairs.Plan(plan, a, b, baseline);
        }

        return plan;
    }

    private static ContactRecord? Live(StoredRecord? stored) =>
        stored is { Deleted: false, Snapshot: { } snapshot } ? RecordSnapshot.Deserialize(stored.Id, stored.Version, snapshot) : null;
}
