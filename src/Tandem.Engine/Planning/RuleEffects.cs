using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Engine.Planning;

/// <summary>
/// What a contact's rules and status do to its counterpart on the other side: the THEN actions of the
/// rules it enters (or of its "gets deleted" rules when it is deleted), the undo of rules it leaves, and the
/// spread of unsubscribes. A subscribe is only ever asked for a contact who is not unsubscribed on its own
/// side, and an unsubscribe beats it; whether the counterpart may be subscribed at all (it never subscribed)
/// is decided by <see cref="CounterpartUpdate"/>.
/// </summary>
public sealed class RuleEffects
{
    private RuleEffects()
    {
    }

    public List<FieldChange> Changes { get; } = [];

    public List<string> AddTags { get; } = [];

    public List<string> RemoveTags { get; } = [];

    public bool Unsubscribe { get; private set; }

    /// <summary>A rule asks to subscribe the contact in a target that can, the source is not unsubscribed, and nothing unsubscribes it.</summary>
    public bool Subscribe => subscribeAsked && !sourceUnsubscribed && !Unsubscribe;

    private bool subscribeAsked;
    private bool sourceUnsubscribed;

    /// <summary>Effects on a record created from <paramref name="source"/>: every matched rule's actions.</summary>
    public static RuleEffects ForCreate(SyncContext context, Side side, IReadOnlyList<Rule> rules, ContactRecord source)
    {
        var effects = new RuleEffects { sourceUnsubscribed = source.IsUnsubscribed };
        foreach (var rule in rules)
        {
            effects.Run(context, side.Other(), rule);
        }

        effects.SpreadUnsubscribe(context, side, source, alreadySpread: false);
        return effects;
    }

    /// <summary>Effects on the counterpart of <paramref name="source"/>: rules entered since the baseline, rules left with undo, a new unsubscribe.</summary>
    public static RuleEffects ForUpdate(SyncContext context, Side side, IReadOnlyList<Rule> matched, Baseline? baseline, ContactRecord source)
    {
        var effects = new RuleEffects { sourceUnsubscribed = source.IsUnsubscribed };
        // Never evaluated (Tandem created this record): its rules count as already entered, so no actions fire.
        var before = baseline is null ? [] : baseline.RulesOf(side) ?? [.. matched.Select(r => r.Id)];
        foreach (var rule in matched.Where(r => !before.Contains(r.Id, StringComparer.Ordinal)))
        {
            effects.Run(context, side.Other(), rule);
        }

        foreach (var left in context.Settings.RulesOf(side).Where(r => r.UndoWhenLeaving && before.Contains(r.Id, StringComparer.Ordinal) && !matched.Contains(r)))
        {
            effects.RemoveTags.AddRange(left.Actions.Where(a => a.Kind == ActionKind.AddTag && a.Value is not null).Select(a => a.Value!));
        }

        effects.SpreadUnsubscribe(context, side, source, baseline?.UnsubscribedOf(side) ?? false);
        return effects;
    }

    /// <summary>
    /// Effects on the counterpart of a contact deleted on <paramref name="side"/>: the actions of the "gets deleted"
    /// rules its last known state matched (<paramref name="lastKnown"/>). No unsubscribe spreads from a deleted contact.
    /// </summary>
    public static RuleEffects ForDeletion(SyncContext context, Side side, IReadOnlyList<Rule> matched, ContactRecord lastKnown)
    {
        var effects = new RuleEffects { sourceUnsubscribed = lastKnown.IsUnsubscribed };
        foreach (var rule in matched)
        {
            effects.Run(context, side.Other(), rule);
        }

        return effects;
    }

    private void Run(SyncContext context, Side target, Rule rule)
    {
        var capabilities = context.CapabilitiesOf(target);
        foreach (var action in rule.Actions)
        {
            switch (action.Kind)
            {
                case ActionKind.AddTag when capabilities.TagContainer is not null && !string.IsNullOrWhiteSpace(action.Value):
                    AddTags.Add(action.Value.Trim());
                    break;
                case ActionKind.SetField when action.Field is not null && context.SchemaOf(target).Find(action.Field) is { IsReadOnly: false, Type: not FieldType.Tags } field:
                    Changes.Add(new FieldChange(field.Key, Values.Create(field.Type, action.Value)));
                    break;
                case ActionKind.Unsubscribe when capabilities.CanUnsubscribe:
                    Unsubscribe = true;
                    break;
                case ActionKind.Subscribe when capabilities.CanSubscribe:
                    subscribeAsked = true;
                    break;
            }
        }
    }

    private void SpreadUnsubscribe(SyncContext context, Side side, ContactRecord source, bool alreadySpread)
    {
        if (!context.Settings.Options.SyncUnsubscribes || !source.IsUnsubscribed || alreadySpread || !context.CanWriteFrom(side))
        {
            return;
        }

        var target = context.CapabilitiesOf(side.Other());
        if (target.TagContainer is not null)
        {
            AddTags.Add(SyncOptions.UnsubscribesTag);
        }

        if (target.CanUnsubscribe)
        {
            Unsubscribe = true;
        }
    }
}
