using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Engine.Planning;

/// <summary>
/// Turns what should change on a record (merged field values, rule effects, an extra tag such as "Tandem Trash")
/// into one update, leaving out whatever the record already holds, so a record in sync gets no write at all.
/// </summary>
public static class CounterpartUpdate
{
    /// <param name="target">The record as its app holds it now.</param>
    /// <param name="changes">Field changes from the merge (rule effects are added where the merge set nothing).</param>
    /// <param name="effects">The rule effects on <paramref name="target"/>, or null.</param>
    /// <param name="extraTag">A tag to add besides the rules' tags, or null.</param>
    /// <returns>The update, or null when it would change nothing.</returns>
    public static UpdateOperation? Build(ContactRecord target, Dictionary<string, FieldChange> changes, RuleEffects? effects, string? extraTag = null)
    {
        if (effects is not null)
        {
            foreach (var change in effects.Changes)
            {
                changes.TryAdd(change.Key, change);
            }
        }

        var wanted = effects?.AddTags ?? [];
        if (extraTag is not null)
        {
            wanted = [.. wanted, extraTag];
        }

        // The tags field's change is the whole tag set the merge wants; it travels as tags added and removed.
        var merged = changes.Remove(TagsField.Key, out var tagsChange)
            ? (tagsChange.Value is ScalarValue set ? Values.Parts(set) : []).ToHashSet(StringComparer.Ordinal)
            : null;

        // Lists compare without order, so a change that only moves the primary entry is kept by its primary.
        var fieldChanges = changes.Values.Where(c => !Equals(target.Get(c.Key), c.Value) || PrimaryDiffers(target.Get(c.Key), c.Value)).ToList();
        var add = wanted.Concat(merged ?? []).Where(t => !target.Tags.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        var dropped = merged is null ? [] : target.Tags.Where(t => !merged.Contains(t));
        var remove = (effects?.RemoveTags ?? []).Concat(dropped.Where(t => !wanted.Contains(t)))
            .Where(t => target.Tags.Contains(t) && !add.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        var unsubscribe = effects?.Unsubscribe == true && !target.IsUnsubscribed;
        var update = new UpdateOperation(string.Empty, target.Id, target.Version)
        {
            Changes = fieldChanges,
            AddTags = add,
            RemoveTags = remove,
            Unsubscribe = unsubscribe,

            // Only someone who never subscribed is subscribed: never anyone who unsubscribed, was cleaned or awaits a
            // confirmation, and never again someone already subscribed (so a subscribed contact gets no write).
            Subscribe = effects?.Subscribe == true && !unsubscribe && target.NeverSubscribed && !target.IsUnsubscribed,
        };
        return update.IsEmpty ? null : update;
    }

    private static bool PrimaryDiffers(FieldValue? current, FieldValue? wanted) =>
        current is ListValue held && wanted is ListValue asked && !Equals(held.Primary, asked.Primary);
}
