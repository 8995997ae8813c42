using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>
/// A field an app's user made for a personal property that address books hold as standard: CRMs have no nickname or
/// anniversary of their own, so a company that wants them makes a custom "Nickname" text field or an "Anniversary" date
/// (as Pipeliner and Salesmate are given a "Birthday" date). Such a field, found by its label, stands for the property in
/// the default mapping, so a card's NICKNAME reaches it without the user adding the row.
/// </summary>
internal static class PersonalFieldLabels
{
    private static readonly Dictionary<FieldRole, (FieldType Type, string[] Labels)> Known = new()
    {
        [FieldRole.Nickname] = (FieldType.Text, ["nickname", "nick name"]),
        [FieldRole.Anniversary] = (FieldType.Date, ["anniversary", "wedding anniversary"]),
    };

    /// <summary>The field holding <paramref name="role"/>: the one with the role, else a field without a role labelled for it.</summary>
    public static FieldDefinition? Find(AppSchema schema, FieldRole role)
    {
        if (schema.FindRole(role) is { } standard)
        {
            return standard;
        }

        return Known.TryGetValue(role, out var known)
            ? schema.Fields.FirstOrDefault(f => f.Role == FieldRole.None && !f.IsList && f.Type == known.Type
                && known.Labels.Contains(f.Label.Trim(), StringComparer.OrdinalIgnoreCase))
            : null;
    }
}
