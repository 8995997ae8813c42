using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Mapping;

namespace Tandem.Engine.Planning;

/// <summary>
/// The merge of a set-valued row (tags) of a linked pair, element by element (<see cref="SetMerge"/>): each side
/// receives the elements the other side changed, when values may flow that way. A conflict is one element added on
/// one side and removed on the other; it is settled by the winning app and recorded, element by element.
/// </summary>
internal sealed class SetRowMerge
{
    private readonly SyncContext context;
    private readonly ItemPlan plan;
    private readonly List<object> conflicts;

    public SetRowMerge(SyncContext context, ItemPlan plan, List<object> conflicts)
    {
        this.context = context;
        this.plan = plan;
        this.conflicts = conflicts;
    }

    public void Merge(
        MappingRow row,
        (string? A, string? B) values,
        Baseline? baseline,
        (bool A, bool B) entering,
        (bool A, bool B) flow,
        (Dictionary<string, FieldChange> A, Dictionary<string, FieldChange> B) changes,
        ref ContactRecord workingA,
        ref ContactRecord workingB)
    {
        (string? A, string? B)? before = null;
        if (baseline is not null && baseline.TryGet(row.Key, Side.A, out var sa))
        {
            baseline.TryGet(row.Key, Side.B, out var sb);
            before = (sa, sb);
        }

        var winner = context.Settings.EffectiveWinner;
        var decisions = SetMerge.Merge(values.A, values.B, before, entering.A, entering.B, winner, row.SetComparer);
        foreach (var conflict in decisions.Where(d => d.Conflict))
        {
            plan.Conflicts++;
            conflicts.Add(new
            {
                field = row.Key,
                kept = conflict.Present ? conflict.Element : null,
                lost = conflict.Present ? null : conflict.Element,
                winner = context.NameOf(conflict.Source),
            });
        }

        workingA = Write(row, Side.A, values, decisions, flow.B, changes.A, workingA);
        workingB = Write(row, Side.B, values, decisions, flow.A, changes.B, workingB);
    }

    /// <summary>Writes into <paramref name="target"/> the elements decided by the other side, when they may flow there.</summary>
    private ContactRecord Write(
        MappingRow row,
        Side target,
        (string? A, string? B) values,
        IReadOnlyList<SetDecision> decisions,
        bool sourceFlows,
        Dictionary<string, FieldChange> changes,
        ContactRecord working)
    {
        var source = target.Other();
        if (!sourceFlows || !row.CanFlowFrom(source))
        {
            return working;
        }

        // An emptied set never blanks the other side when empty values are ignored: only its additions would flow, and it has none.
        var sourceValue = source == Side.A ? values.A : values.B;
        var ignoresEmpty = sourceValue is null && (context.Settings.Options.IgnoreEmptyValues || row.IgnoresEmpty);
        var taken = decisions.Where(d => d.Source == source && (d.Present || !ignoresEmpty)).ToList();
        if (taken.Count == 0)
        {
            return working;
        }

        var current = target == Side.A ? values.A : values.B;
        var written = row.Write(target, SetMerge.Apply(current, taken, row.SetComparer), working);
        foreach (var change in written)
        {
            changes[change.Key] = change;
        }

        return written.Count > 0 ? RecordPatch.Apply(working, written) : working;
    }
}
