using System.Text.Json;
using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Engine.State;

namespace Tandem.Engine.Planning;

/// <summary>
/// The three-way merge of a linked pair, per mapping row: each side is compared with its own
/// baseline, by content. A change on one side flows to the other; the same row changed on both sides
/// is settled by the winning app (the losing value is recorded); an empty winning value never blanks.
/// Without a baseline (first match) differing rows take the winning app's value.
/// </summary>
public sealed class PairMerger
{
    private readonly SyncContext context;

    public PairMerger(SyncContext context)
    {
        this.context = context;
    }

    public void Plan(ItemPlan plan, ContactRecord a, ContactRecord b, Baseline? baseline)
    {
        var rulesA = context.Rules.Match(Side.A, a, hasCounterpart: true);
        var rulesB = context.Rules.Match(Side.B, b, hasCounterpart: true);
        var flowA = context.CanWriteFrom(Side.A) && rulesA.Count > 0;
        var flowB = context.CanWriteFrom(Side.B) && rulesB.Count > 0;
        var enteringA = flowA && baseline?.RulesA is { Length: 0 };
        var enteringB = flowB && baseline?.RulesB is { Length: 0 };

        var toA = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
        var toB = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
        var conflicts = new List<object>();

        // Rows may write parts of one field (a range's start and end): each row writes onto what the previous ones wrote.
        var workingA = a;
        var workingB = b;
        foreach (var row in context.Mapping.Rows)
        {
            var va = row.Read(Side.A, a);
            var vb = row.Read(Side.B, b);
            if (row.IsSet)
            {
                var sets = new SetRowMerge(context, plan, conflicts);
                sets.Merge(row, (va, vb), baseline, (enteringA, enteringB), (flowA, flowB), (toA, toB), ref workingA, ref workingB);
                continue;
            }

            bool aChanged, bChanged;
            var first = baseline is null || !baseline.TryGet(row.Key, Side.A, out _);
            if (row.Same(va, vb))
            {
                // The same entries; a list whose primary entry moved on one side only since the last sync passes that on
                // (each side's baseline holds its own primary, so two apps that always differed stay as they are).
                if (va == vb || first || PrimaryMovedOn(baseline!, row.Key, va, vb) is not { } moved)
                {
                    continue;
                }

                (aChanged, bChanged) = (moved == Side.A, moved == Side.B);
            }
            else if (first)
            {
                aChanged = bChanged = true;
            }
            else
            {
                baseline!.TryGet(row.Key, Side.A, out var sa);
                baseline.TryGet(row.Key, Side.B, out var sb);
                aChanged = !row.Same(va, sa) || enteringA;
                bChanged = !row.Same(vb, sb) || enteringB;
            }

            if (!aChanged && !bChanged)
            {
                continue;
            }

            Side source;
            if (aChanged != bChanged)
            {
                source = aChanged ? Side.A : Side.B;
            }
            else
            {
                var winner = context.Settings.EffectiveWinner;
                source = (winner == Side.A ? va : vb) is null ? winner.Other() : winner;
                if (!first)
                {
                    plan.Conflicts++;
                    conflicts.Add(new { field = row.Key, kept = source == Side.A ? va : vb, lost = source == Side.A ? vb : va, winner = context.NameOf(source) });
                }
            }

            var value = source == Side.A ? va : vb;
            if (!row.CanFlowFrom(source) || !(source == Side.A ? flowA : flowB))
            {
                continue;
            }

            if (value is null && (first || context.Settings.Options.IgnoreEmptyValues || row.IgnoresEmpty))
            {
                continue;
            }

            if (PhotoLimit.Holds(value, plan, context, source, source == Side.A ? a : b))
            {
                continue;
            }

            var target = source.Other();
            var changes = target == Side.A ? toA : toB;
            var written = row.Write(target, value, target == Side.A ? workingA : workingB);
            foreach (var change in written)
            {
                changes[change.Key] = change;
            }

            if (written.Count > 0)
            {
                if (target == Side.A)
                {
                    workingA = RecordPatch.Apply(workingA, written);
                }
                else
                {
                    workingB = RecordPatch.Apply(workingB, written);
                }
            }
        }

        var effectsOnB = flowA ? RuleEffects.ForUpdate(context, Side.A, rulesA, baseline, a) : null;
        var effectsOnA = flowB ? RuleEffects.ForUpdate(context, Side.B, rulesB, baseline, b) : null;
        plan.UpdateA = CounterpartUpdate.Build(a, toA, effectsOnA);
        plan.UpdateB = CounterpartUpdate.Build(b, toB, effectsOnB);
        NoteUpdate(plan, Side.A, a);
        NoteUpdate(plan, Side.B, b);
        plan.Link = LinkAction.Save;
        plan.Baseline.RulesA = [.. rulesA.Select(r => r.Id)];
        plan.Baseline.RulesB = [.. rulesB.Select(r => r.Id)];
        plan.Baseline.UnsubscribedA = a.IsUnsubscribed && (baseline?.UnsubscribedA == true || effectsOnB is not null);
        plan.Baseline.UnsubscribedB = b.IsUnsubscribed && (baseline?.UnsubscribedB == true || effectsOnA is not null);
        if (conflicts.Count > 0)
        {
            plan.Activity.Add(new ActivityNote(null, null, "conflict", "Both sides changed the same field; the winning app's value was kept.", JsonSerializer.Serialize(conflicts)));
        }

        NoteHealth(plan, Side.A, a, rulesA.Count == 0 && context.Settings.Direction.Allows(Side.A));
        NoteHealth(plan, Side.B, b, rulesB.Count == 0 && context.Settings.Direction.Allows(Side.B));
    }

    private void NoteUpdate(ItemPlan plan, Side side, ContactRecord target)
    {
        if (plan.UpdateOf(side) is not { } update)
        {
            return;
        }

        // The owner reads fields by their labels and the contact by the name it has now (and had, when that changed).
        var schema = context.SchemaOf(side);
        var fields = update.Changes.Select(c => Validation.FieldWords.Label(schema, c.Key)).Distinct(StringComparer.Ordinal)
            .Concat(update.AddTags.Select(t => "+" + t)).Concat(update.RemoveTags.Select(t => "-" + t))
            .Concat(update.Unsubscribe ? ["unsubscribed"] : []).Concat(update.Subscribe ? ["subscribed"] : []);
        var details = update.Changes.Select(c => new { field = Validation.FieldWords.Label(schema, c.Key), before = target.Get(c.Key)?.Canonical, after = c.Value?.Canonical });
        var was = ContactLabel.Of(target, schema);
        var now = NameAfter(RecordPatch.Apply(target, update.Changes), update.Changes, schema) ?? ContactLabel.Of(RecordPatch.Apply(target, update.Changes), schema);
        var name = now == was ? $"\"{now}\"" : $"\"{now}\" (was \"{was}\")";
        plan.Activity.Add(new ActivityNote(side, target.Id, "updated", $"Updated {name} in {context.NameOf(side)}: {string.Join(", ", fields)}.", JsonSerializer.Serialize(details)));
    }

    // A full-name field the update does not touch would still hold the old name: a changed first or last name tells the new one.
    private static string? NameAfter(ContactRecord after, IReadOnlyList<FieldChange> changes, AppSchema schema)
    {
        var first = schema.FindRole(FieldRole.FirstName)?.Key;
        var last = schema.FindRole(FieldRole.LastName)?.Key;
        if (!changes.Any(c => c.Key == first || c.Key == last))
        {
            return null;
        }

        var name = string.Join(' ', new[] { first, last }.Where(k => k is not null).Select(k => after.Get(k!) is ScalarValue v ? v.Text.Trim() : "").Where(t => t.Length > 0));
        return name.Length > 0 ? name : null;
    }

    private void NoteHealth(ItemPlan plan, Side side, ContactRecord record, bool excluded)
    {
        var stored = side == Side.A ? plan.Item.A! : plan.Item.B!;
        plan.Health.Add(excluded
            ? new HealthNote(side, record.Id, HealthStatus.Excluded, $"Matches none of the rules for contacts from {context.NameOf(side)}; its changes are not synced.", stored.ContentHash)
            : new HealthNote(side, record.Id, HealthStatus.InSync, null, stored.ContentHash));
    }

    // Which side alone holds its list in another order than at the last sync (only the primary entry's place counts:
    // the shared form sorts the others), or null.
    private static Side? PrimaryMovedOn(Baseline baseline, string rowKey, string? va, string? vb)
    {
        baseline.TryGet(rowKey, Side.A, out var sa);
        baseline.TryGet(rowKey, Side.B, out var sb);
        return (va != sa, vb != sb) switch
        {
            (true, false) => Side.A,
            (false, true) => Side.B,
            _ => null,
        };
    }
}
