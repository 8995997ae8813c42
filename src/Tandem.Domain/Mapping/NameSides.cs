using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>Finds each side's name fields for a <see cref="FieldMapping.NameKey"/> mapping.</summary>
internal static class NameSides
{
    /// <summary>
    /// The name fields for <paramref name="key"/>: for "$name", first + last when the app has both
    /// (preferred: writing parts keeps what did not change), else its full-name field; for a field key, a
    /// text field holding the full name. Null, with <paramref name="problem"/>, when there is none.
    /// </summary>
    public static NameSide? Of(AppSchema schema, string key, string which, out string? problem)
    {
        problem = null;
        if (key != FieldMapping.NameKey)
        {
            var field = schema.Find(key);
            if (field is null)
            {
                problem = $"The {which} app has no field '{key}'.";
                return null;
            }

            if (field.Type != FieldType.Text || field.IsList)
            {
                problem = $"“{field.Label}” is not a text field, so it cannot hold a name.";
                return null;
            }

            return new NameSide(null, null, field.Key, field.IsReadOnly, field.Label);
        }

        var first = schema.FindRole(FieldRole.FirstName);
        var last = schema.FindRole(FieldRole.LastName);
        if (first is not null && last is not null)
        {
            return new NameSide(first.Key, last.Key, null, first.IsReadOnly || last.IsReadOnly, first.Label + " and " + last.Label);
        }

        if (schema.FindRole(FieldRole.FullName) is { } full)
        {
            return new NameSide(null, null, full.Key, full.IsReadOnly, full.Label);
        }

        problem = $"The {which} app has no name fields.";
        return null;
    }

    public static DirectionVerdict Directions(FieldMapping mapping, AppSchema a, AppSchema b)
    {
        var sideA = Of(a, mapping.AField, "first", out var problemA);
        var sideB = Of(b, mapping.BField, "second", out var problemB);
        if (sideA is null || sideB is null)
        {
            return new DirectionVerdict(null, problemA ?? problemB);
        }

        return Directions(sideA, sideB, mapping.Direction);
    }

    public static DirectionVerdict Directions(NameSide a, NameSide b, MappingDirection requested) =>
        Compatibility.Narrow(Flow(b), Flow(a), a.IsReadOnly && b.IsReadOnly, requested);

    private static FlowVerdict Flow(NameSide target) => target.IsReadOnly
        ? FlowVerdict.Refused($"“{target.Label}” is read-only, so it can only be a source.")
        : new FlowVerdict(Conversion.Same, null);
}
