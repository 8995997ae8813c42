using Tandem.Domain.Configuration;

namespace Tandem.Domain.Fields;

/// <summary>
/// The tags of a contact (labels, contact groups, CATEGORIES, lists) offered as a field of the schema, so they can be
/// mapped like any other field. The values live in <see cref="Contacts.ContactRecord.Tags"/>, never in the record's
/// fields: the key starts with '$' so it can never clash with a field of an app. Tandem's own markers are never part of
/// the field: they belong to deletions and unsubscribes, not to the contact.
/// </summary>
public static class TagsField
{
    /// <summary>The schema key of the tags field in every app that has one.</summary>
    public const string Key = "$tags";

    /// <summary>The tags Tandem itself sets ("Tandem Trash", "Tandem Unsubscribes"); they never travel through a mapping.</summary>
    public static IReadOnlyList<string> Markers { get; } = [SyncOptions.TrashTag, SyncOptions.UnsubscribesTag];

    /// <summary>The tags of a CRM or a marketing tool (<paramref name="label"/>: what the app calls them).</summary>
    /// <param name="label">What the app calls its tags.</param>
    /// <param name="ignoresCase">The app holds "VIP" and "vip" as one tag (<see cref="FieldDefinition.IgnoresCase"/>).</param>
    public static FieldDefinition Labels(string label = "Tags", bool ignoresCase = false) => new(Key, label, FieldType.Tags) { Role = FieldRole.Tags, IgnoresCase = ignoresCase };

    /// <summary>The categories or groups of an address book, which sync by default with another address book's.</summary>
    public static FieldDefinition Categories(string label = "Tags") => new(Key, label, FieldType.Tags) { Role = FieldRole.Categories };

    /// <summary>The tags field of a schema, or null when the app has no tags.</summary>
    public static FieldDefinition? Find(AppSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.Fields.FirstOrDefault(f => f.Type == FieldType.Tags);
    }

    /// <summary>
    /// The tags the field leaves alone on a connection: Tandem's markers and every tag a rule's action sets, which
    /// belong to that rule (added on entering it, removed by its undo), not to the contact.
    /// </summary>
    public static IReadOnlySet<string> Reserved(ConnectionSettings? settings)
    {
        var reserved = new HashSet<string>(Markers, StringComparer.Ordinal);
        if (settings is null)
        {
            return reserved;
        }

        foreach (var action in settings.RulesA.Concat(settings.RulesB).SelectMany(r => r.Actions))
        {
            if (action.Kind == ActionKind.AddTag && !string.IsNullOrWhiteSpace(action.Value))
            {
                reserved.Add(action.Value.Trim());
            }
        }

        return reserved;
    }
}
