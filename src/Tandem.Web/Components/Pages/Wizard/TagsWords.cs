using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Web.Services.Catalog;

namespace Tandem.Web.Components.Pages.Wizard;

/// <summary>The words under the "Tags ↔ Tags" row of the fields step: what the row does, and why it is on or off by default.</summary>
public static class TagsWords
{
    /// <summary>The explanation of a tags row, or null for any other row.</summary>
    public static string? Note(DraftMapping row, AppView a, AppView b, AppSchema schemaA, AppSchema schemaB)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (row.AField != TagsField.Key || row.BField != TagsField.Key)
        {
            return null;
        }

        var what = $"Keeps {Where(a)} and {Where(b)} the same, tag by tag: a tag added or removed on one side is added or removed on the other, "
            + $"and tags changed on both sides both hold. Tandem's own tags (\"{SyncOptions.TrashTag}\", \"{SyncOptions.UnsubscribesTag}\") and the tags your rules add are never copied.";
        var addressBooks = TagsField.Find(schemaA)?.Role == FieldRole.Categories && TagsField.Find(schemaB)?.Role == FieldRole.Categories;
        return addressBooks
            ? what + " On by default: both are address books, where tags file contacts the same way."
            : what + $" Off by default: {Where(a)} and {Where(b)} often mean something to one app only (a stage, a campaign); turn it on if yours mean the same.";
    }

    /// <summary>The contact's tags as the row reads them (Tandem's markers left out), or null when it has none.</summary>
    public static string? Preview(Tandem.Domain.Contacts.ContactRecord? contact)
    {
        var tags = contact?.Tags.Where(t => !TagsField.Markers.Contains(t)).ToList() ?? [];
        return tags.Count == 0 ? null : string.Join(", ", tags);
    }

    private static string Where(AppView app) => $"the {app.Capabilities.TagContainer ?? "tags"} of {app.DisplayName}";
}
