using System.Collections.Immutable;
using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Engine.State;

namespace Tandem.Engine.Planning;

/// <summary>Plans the create of a record that has no counterpart, or says why it is excluded.</summary>
public sealed class CreatePlanner
{
    private readonly SyncContext context;

    public CreatePlanner(SyncContext context)
    {
        this.context = context;
    }

    /// <summary>Plans a create on the side opposite <paramref name="side"/> (or an exclusion) into <paramref name="plan"/>.</summary>
    public void Plan(ItemPlan plan, Side side, StoredRecord stored, ContactRecord record)
    {
        var other = side.Other();
        var reason = ExclusionReason(side, stored);
        IReadOnlyList<Rule> rules = [];
        if (reason is null)
        {
            rules = context.Rules.Match(side, record, hasCounterpart: false);
            if (rules.Count == 0)
            {
                // The note about existing contacts is only true, and only said, when such a rule is there.
                var existingOnly = context.Settings.RulesOf(side).Any(r => r.Filters.Any(f => f.Kind == FilterKind.ExistsInOtherApp));
                reason = existingOnly
                    ? $"Matches none of the rules for contacts from {context.NameOf(side)} (a rule limited to contacts that already exist in {context.NameOf(other)} never creates)."
                    : $"Matches none of the rules for contacts from {context.NameOf(side)}.";
            }
        }

        if (reason is not null)
        {
            plan.Link = plan.Item.Link is null ? LinkAction.None : LinkAction.MarkDeleted;
            plan.DeletedSide = other;
            plan.Health.Add(new HealthNote(side, record.Id, HealthStatus.Excluded, reason, stored.ContentHash));
            return;
        }

        // Each row writes onto what the previous rows wrote (two rows may fill parts of one field).
        ContactRecord? draft = null;
        foreach (var row in context.Mapping.Rows)
        {
            if (!row.CanFlowFrom(side) || row.Read(side, record) is not { } shared || PhotoLimit.Holds(shared, plan, context, side, record))
            {
                continue;
            }

            var written = row.Write(other, shared, draft);
            if (written.Count > 0)
            {
                draft = RecordPatch.Apply(draft ?? new ContactRecord(string.Empty, ImmutableDictionary<string, FieldValue>.Empty), written);
            }
        }

        var fields = (draft?.Fields ?? ImmutableDictionary<string, FieldValue>.Empty).ToBuilder();
        if (MissingIdentifier(other, fields) is { } missing)
        {
            plan.Link = LinkAction.None;
            plan.Health.Add(new HealthNote(side, record.Id, HealthStatus.Excluded, missing, stored.ContentHash));
            return;
        }

        var effects = RuleEffects.ForCreate(context, side, rules, record);
        foreach (var change in effects.Changes)
        {
            if (change.Value is not null)
            {
                fields[change.Key] = change.Value;
            }
        }

        var tags = (draft?.Tags ?? []).Union(effects.AddTags).WithComparer(StringComparer.Ordinal);
        plan.Create = new PlannedCreate(other, record.Id, stored.EmailKey, fields.ToImmutable(), tags, effects.Unsubscribe)
        {
            Subscribe = effects.Subscribe,
        };
        plan.Link = LinkAction.BindCreated;
        plan.Health.Add(new HealthNote(side, record.Id, HealthStatus.InSync, null, stored.ContentHash));
        plan.Baseline.SetRules(side, [.. rules.Select(r => r.Id)]);
        plan.Baseline.SetUnsubscribed(side, record.IsUnsubscribed);
        plan.Activity.Add(new ActivityNote(other, null, "created", $"Created \"{ContactLabel.Of(record, context.SchemaOf(side))}\" in {context.NameOf(other)} from {context.NameOf(side)}."));
    }

    /// <summary>Why a target that looks contacts up by an identifier cannot take this one (it holds none of them), or null.</summary>
    private string? MissingIdentifier(Side target, ImmutableDictionary<string, FieldValue>.Builder fields)
    {
        var identifiers = context.CapabilitiesOf(target).RequiredIdentifiers;
        if (identifiers.Count == 0 || identifiers.Any(fields.ContainsKey))
        {
            return null;
        }

        var labels = identifiers.Select(key => context.SchemaOf(target).Find(key)?.Label ?? key);
        return $"{context.NameOf(target)} needs at least one of {string.Join(", ", labels)} to add a contact, and this one has none.";
    }

    private string? ExclusionReason(Side side, StoredRecord stored)
    {
        var other = side.Other();
        if (context.CreatesAwaitingSettlement.Contains((side, stored.Id)))
        {
            return $"Waiting for {context.NameOf(other)} to settle an earlier write of this contact; checked again on the next run.";
        }

        if (!context.Settings.Direction.Allows(side))
        {
            return $"This connection only syncs from {context.NameOf(other)} to {context.NameOf(side)}.";
        }

        if (context.CapabilitiesOf(other).IsReadOnly)
        {
            return $"{context.NameOf(other)} is read-only.";
        }

        if (!stored.HasMatchKey)
        {
            return context.Settings.Options.AvoidDuplicates
                ? "No email address: with \"avoid duplicates\" on, contacts without an email are not synced."
                : null;
        }

        return stored.Match is { } verdict ? MatchProblem.Describe(verdict, context.NameOf(side), context.NameOf(other)) : null;
    }
}
