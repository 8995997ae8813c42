using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>The default mapping of a pair of apps, used when a connection has no mappings of its own.</summary>
public static class DefaultMappings
{
    // Owner is left out: user ids of two apps only match through a value table the user confirms.
    private static readonly FieldRole[] PairedRoles =
    [
        FieldRole.Emails, FieldRole.Phones, FieldRole.Addresses, FieldRole.Urls,
        FieldRole.Company, FieldRole.JobTitle, FieldRole.Birthday, FieldRole.Notes,
        FieldRole.Nickname, FieldRole.Photo, FieldRole.Anniversary, FieldRole.Department, FieldRole.Gender, FieldRole.Pronouns,
        FieldRole.RelatedPeople, FieldRole.InstantMessaging, FieldRole.SocialProfiles, FieldRole.CustomProperties,
    ];

    /// <summary>
    /// The name (through <see cref="FieldMapping.NameKey"/>) and every standard role both apps have (a nickname or an
    /// anniversary also in a custom field labelled so: <see cref="PersonalFieldLabels"/>), in a
    /// fixed order, then their tags (on only between two address books); pairs that no direction allows are left out. Directions are left at "both": the
    /// compiler narrows each to what compatibility and read-only fields allow.
    /// </summary>
    public static IReadOnlyList<FieldMapping> For(AppSchema a, AppSchema b)
    {
        var mappings = new List<FieldMapping>();
        var name = new FieldMapping(FieldMapping.NameKey, FieldMapping.NameKey);
        if (Compatibility.Directions(name, a, b).Allowed)
        {
            mappings.Add(name);
        }

        foreach (var role in PairedRoles)
        {
            var fieldA = role == FieldRole.Emails ? MappingCompiler.FindEmailField(a) : PersonalFieldLabels.Find(a, role);
            var fieldB = role == FieldRole.Emails ? MappingCompiler.FindEmailField(b) : PersonalFieldLabels.Find(b, role);
            if (fieldA is null || fieldB is null)
            {
                continue;
            }

            var mapping = new FieldMapping(fieldA.Key, fieldB.Key);
            if (Compatibility.Directions(mapping, a, b).Allowed)
            {
                mappings.Add(mapping);
            }
        }

        // Tags are offered wherever both apps have them, but synced by default only between address books: a CRM's
        // labels or a marketing tool's tags often mean something to that app alone (a pipeline stage, a campaign).
        if (TagsField.Find(a) is { } tagsA && TagsField.Find(b) is { } tagsB)
        {
            mappings.Add(new FieldMapping(tagsA.Key, tagsB.Key) { Enabled = tagsA.Role == FieldRole.Categories && tagsB.Role == FieldRole.Categories });
        }

        return mappings;
    }
}
