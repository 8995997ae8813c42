using Tandem.Connectors.Contract;
using Tandem.Domain.Contacts;

namespace Tandem.Engine.Applying;

/// <summary>The record an update is expected to leave behind, for connectors that do not return it and for dry runs.</summary>
public static class RecordChanges
{
    public static ContactRecord Apply(ContactRecord record, UpdateOperation update)
    {
        var fields = record.Fields;
        foreach (var change in update.Changes)
        {
            // Removed first: SetItem keeps an equal old value, and lists are equal whichever entry is primary.
            fields = change.Value is null ? fields.Remove(change.Key) : fields.Remove(change.Key).Add(change.Key, change.Value);
        }

        return record with
        {
            Fields = fields,
            Tags = record.Tags.Union(update.AddTags).Except(update.RemoveTags),
            IsUnsubscribed = record.IsUnsubscribed || update.Unsubscribe,

            // Subscribed or unsubscribed, the contact has a status of its own now.
            NeverSubscribed = record.NeverSubscribed && !update.Subscribe && !update.Unsubscribe,
        };
    }
}
