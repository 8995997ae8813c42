using System.Text.Json;
using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;

namespace Tandem.Engine.Planning;

/// <summary>The activity line saying what "gets deleted" rules did to a deleted contact's counterpart, in plain words.</summary>
public static class DeletionRuleNote
{
    /// <param name="context">The run's context.</param>
    /// <param name="gone">The side the contact was deleted on.</param>
    /// <param name="lastKnown">The deleted contact as last read.</param>
    /// <param name="counterpart">Its counterpart on the other side, before the update.</param>
    /// <param name="rules">The "gets deleted" rules that matched.</param>
    /// <param name="update">The update planned for <paramref name="counterpart"/>.</param>
    /// <param name="trashTag">The trash tag the update adds, or null when deletions are not tagged.</param>
    public static ActivityNote For(SyncContext context, Side gone, ContactRecord lastKnown, ContactRecord counterpart, IReadOnlyList<Rule> rules, UpdateOperation update, string? trashTag)
    {
        var kept = gone.Other();
        var schema = context.SchemaOf(kept);
        var done = new List<string>();
        done.AddRange(update.AddTags.Where(t => t != trashTag).Select(t => $"added the tag \"{t}\""));
        done.AddRange(update.RemoveTags.Select(t => $"removed the tag \"{t}\""));
        done.AddRange(update.Changes.Select(c => $"set \"{schema.Find(c.Key)?.Label ?? c.Key}\""));
        if (update.Unsubscribe)
        {
            done.Add("unsubscribed it");
        }

        if (update.Subscribe)
        {
            done.Add("subscribed it");
        }

        var names = string.Join(" and ", rules.Select(r => $"“{r.Id}”"));
        var what = done.Count > 0 ? string.Join(", ", done) : "found nothing left to change";
        var trashed = trashTag is not null && update.AddTags.Contains(trashTag) ? $"; it is also tagged \"{trashTag}\" for review" : string.Empty;
        var message = $"\"{ContactLabel.Of(lastKnown, context.SchemaOf(gone))}\" was deleted in {context.NameOf(gone)}: "
            + $"the rule{(rules.Count > 1 ? "s" : string.Empty)} for deleted contacts {names} {what} in {context.NameOf(kept)}{trashed}. Nothing was deleted in {context.NameOf(kept)}.";
        var details = update.Changes.Select(c => new { field = c.Key, before = counterpart.Get(c.Key)?.Canonical, after = c.Value?.Canonical });
        return new ActivityNote(kept, counterpart.Id, trashed.Length > 0 ? "trashed" : "updated", message, JsonSerializer.Serialize(details));
    }
}
