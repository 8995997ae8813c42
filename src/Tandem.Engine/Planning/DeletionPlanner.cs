using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Mapping;
using Tandem.Engine.Snapshots;
using Tandem.Engine.State;

namespace Tandem.Engine.Planning;

/// <summary>
/// A linked record is gone on one side. Tandem never deletes on its own: the other side is tagged
/// "Tandem Trash" when the user asked for it, and the deleted side's "gets deleted" rules that its last
/// known state matches run their actions there, in the same update, once; an edit on the other side since
/// the baseline wins over the delete (the contact is created again and no rule runs); only a list-style
/// target of a one-way feed may be deleted, and only when the user turned that on.
/// </summary>
public sealed class DeletionPlanner
{
    private readonly SyncContext context;
    private readonly CreatePlanner creates;

    public DeletionPlanner(SyncContext context, CreatePlanner creates)
    {
        this.context = context;
        this.creates = creates;
    }

    public void Plan(ItemPlan plan, Side gone, Baseline? baseline)
    {
        var kept = gone.Other();
        var record = plan.RecordOf(kept)!;
        var stored = kept == Side.A ? plan.Item.A! : plan.Item.B!;
        var alreadyHandled = gone == Side.A ? plan.Item.Link!.ADeleted : plan.Item.Link!.BDeleted;

        if (EditedSinceBaseline(kept, record, baseline))
        {
            // Delete against edit: the edit wins, so the contact comes back on the side that deleted it.
            creates.Plan(plan, kept, stored, record);
            return;
        }

        plan.Link = LinkAction.MarkDeleted;
        plan.DeletedSide = gone;
        plan.Baseline = baseline ?? Baseline.Empty();
        plan.Health.Add(new HealthNote(kept, record.Id, HealthStatus.InSync, null, stored.ContentHash));
        if (alreadyHandled)
        {
            return;
        }

        var options = context.Settings.Options;
        var target = context.CapabilitiesOf(kept);
        if (options.DeleteInTarget && target.CanDelete && context.Settings.Direction == (gone == Side.A ? SyncDirection.AToB : SyncDirection.BToA))
        {
            plan.Delete = (kept, record.Id);
            plan.Link = LinkAction.Drop;
            plan.Activity.Add(new ActivityNote(kept, record.Id, "deleted", $"Deleted in {context.NameOf(kept)} because it was deleted in {context.NameOf(gone)}."));
            return;
        }

        var trash = options.SyncDeletions && target.TagContainer is not null && context.CanWriteFrom(gone) ? SyncOptions.TrashTag : null;
        var lastKnown = LastKnown(plan, gone);
        var rules = lastKnown is not null && context.CanWriteFrom(gone) ? context.Rules.MatchDeleted(gone, lastKnown) : [];
        var effects = rules.Count > 0 ? RuleEffects.ForDeletion(context, gone, rules, lastKnown!) : null;

        // The "gets deleted" rules' actions and the trash tag go to the counterpart as one update; nothing is deleted.
        var update = CounterpartUpdate.Build(record, new Dictionary<string, FieldChange>(StringComparer.Ordinal), effects, trash);
        if (update is not null)
        {
            plan.SetUpdate(kept, update);
            plan.Activity.Add(rules.Count == 0
                ? new ActivityNote(kept, record.Id, "trashed", $"Deleted in {context.NameOf(gone)}: tagged \"{SyncOptions.TrashTag}\" in {context.NameOf(kept)} for review.")
                : DeletionRuleNote.For(context, gone, lastKnown!, record, rules, update, trash));
            return;
        }

        plan.Activity.Add(new ActivityNote(gone, null, "deleted", $"Deleted in {context.NameOf(gone)}; nothing was deleted in {context.NameOf(kept)}."));
    }

    /// <summary>The deleted record as Tandem last read it, or null when no content was ever stored for it.</summary>
    private static ContactRecord? LastKnown(ItemPlan plan, Side gone)
    {
        var stored = gone == Side.A ? plan.Item.A : plan.Item.B;
        return stored?.Snapshot is { } snapshot ? RecordSnapshot.Deserialize(stored.Id, stored.Version, snapshot) : null;
    }

    private bool EditedSinceBaseline(Side side, ContactRecord record, Baseline? baseline)
    {
        if (baseline is null)
        {
            return false;
        }

        foreach (var row in context.Mapping.Rows)
        {
            if (baseline.TryGet(row.Key, side, out var before) && !row.Same(row.Read(side, record), before))
            {
                return true;
            }
        }

        return false;
    }
}
