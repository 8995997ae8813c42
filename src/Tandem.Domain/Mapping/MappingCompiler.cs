using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>
/// Compiles a connection's field mappings against both apps' schemas into the rows the engine runs.
/// Every enabled mapping either becomes a row with its effective direction (what compatibility allows,
/// narrowed by the direction the mapping asks for) or is refused with a reason. Pure and deterministic.
/// </summary>
public static class MappingCompiler
{
    /// <param name="mappings">The connection's mappings; pass <see cref="DefaultMappings.For"/> when the user has none.</param>
    /// <param name="a">Side A's schema (expanded or not: compound part keys resolve either way).</param>
    /// <param name="b">Side B's schema.</param>
    /// <param name="defaultRegionA">Side A's account default phone region ("GB"), for phones written as text.</param>
    /// <param name="defaultRegionB">Side B's account default phone region.</param>
    /// <param name="reservedTags">Tags a tags mapping leaves alone (<see cref="TagsField.Reserved"/>); Tandem's markers when null.</param>
    public static MappingCompilation Compile(
        IReadOnlyList<FieldMapping> mappings,
        AppSchema a,
        AppSchema b,
        string? defaultRegionA = null,
        string? defaultRegionB = null,
        IReadOnlySet<string>? reservedTags = null)
    {
        reservedTags ??= TagsField.Reserved(null);
        var rows = new List<MappingRow>();
        var refused = new List<RefusedMapping>();
        var narrowed = new List<NarrowedMapping>();
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        var claimsA = new List<(string Key, FieldMapping By)>();
        var claimsB = new List<(string Key, FieldMapping By)>();

        foreach (var mapping in mappings)
        {
            if (!mapping.Enabled)
            {
                continue;
            }

            if (!rowKeys.Add(mapping.RowKey))
            {
                refused.Add(new RefusedMapping(mapping, "These two fields are already mapped."));
                continue;
            }

            var candidate = Build(mapping, a, b, (defaultRegionA, defaultRegionB), reservedTags, out var claimKeysA, out var claimKeysB);
            if (candidate.Row is null)
            {
                refused.Add(new RefusedMapping(mapping, candidate.Reason!));
                continue;
            }

            var row = candidate.Row;
            row.IgnoresEmpty = mapping.IgnoreEmptyValues;
            var clash = row.CanFlowFrom(Side.B) ? Clash(claimsA, claimKeysA) : null;
            clash ??= row.CanFlowFrom(Side.A) ? Clash(claimsB, claimKeysB) : null;
            if (clash is not null)
            {
                refused.Add(new RefusedMapping(mapping, $"That field is already filled by the mapping {Label(a, clash.AField)} ↔ {Label(b, clash.BField)}."));
                continue;
            }

            if (row.CanFlowFrom(Side.B))
            {
                claimsA.AddRange(claimKeysA.Select(k => (k, mapping)));
            }

            if (row.CanFlowFrom(Side.A))
            {
                claimsB.AddRange(claimKeysB.Select(k => (k, mapping)));
            }

            if (candidate.Reason is not null)
            {
                narrowed.Add(new NarrowedMapping(mapping, row.Direction, candidate.Reason));
            }

            rows.Add(row);
        }

        var problems = new List<string>();
        var emailA = EmailField(a, "first", problems);
        var emailB = EmailField(b, "second", problems);
        return new MappingCompilation(new CompiledMapping(rows, emailA, emailB), refused, narrowed, problems);
    }

    /// <summary>The field holding a side's matching email: the field with the Emails role, else the first email field.</summary>
    public static FieldDefinition? FindEmailField(AppSchema schema) =>
        schema.FindRole(FieldRole.Emails) ?? schema.Fields.FirstOrDefault(f => f.Type == FieldType.Email);

    private static (MappingRow? Row, string? Reason) Build(
        FieldMapping mapping,
        AppSchema a,
        AppSchema b,
        (string? A, string? B) regions,
        IReadOnlySet<string> reservedTags,
        out IReadOnlyList<string> claimKeysA,
        out IReadOnlyList<string> claimKeysB)
    {
        claimKeysA = [];
        claimKeysB = [];
        if (mapping.AField == FieldMapping.NameKey || mapping.BField == FieldMapping.NameKey)
        {
            var nameA = NameSides.Of(a, mapping.AField, "first", out var problemA);
            var nameB = NameSides.Of(b, mapping.BField, "second", out var problemB);
            if (nameA is null || nameB is null)
            {
                return (null, problemA ?? problemB);
            }

            var nameVerdict = NameSides.Directions(nameA, nameB, mapping.Direction);
            if (nameVerdict.Direction is not { } nameDirection)
            {
                return (null, nameVerdict.Reason);
            }

            claimKeysA = [.. nameA.ClaimKeys];
            claimKeysB = [.. nameB.ClaimKeys];
            return (new NameRow(mapping.RowKey, nameDirection, nameA, nameB), nameVerdict.Reason);
        }

        var fieldA = ResolvedField.Resolve(a, mapping.AField);
        var fieldB = ResolvedField.Resolve(b, mapping.BField);
        if (fieldA is null || fieldB is null)
        {
            return (null, fieldA is null ? $"The first app has no field '{mapping.AField}'." : $"The second app has no field '{mapping.BField}'.");
        }

        var verdict = Compatibility.Directions(fieldA, fieldB, mapping.Direction);
        if (verdict.Direction is not { } direction)
        {
            return (null, $"“{fieldA.Label}” and “{fieldB.Label}”: {verdict.Reason}");
        }

        var table = Compatibility.IsChoice(fieldA.Type) && fieldA.Type == fieldB.Type
            ? KnownOptions(mapping.ValueTable ?? ValueTables.Prefill(fieldA.Options, fieldB.Options), fieldA.Options, fieldB.Options)
            : new Dictionary<string, string>();
        if (fieldA.Type == FieldType.Tags)
        {
            claimKeysA = [fieldA.Key];
            claimKeysB = [fieldB.Key];
            // Tags differing only in case are one tag when either app holds them so; otherwise they stay apart.
            var comparer = fieldA.Field.IgnoresCase || fieldB.Field.IgnoresCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            return (new TagsRow(mapping.RowKey, direction, new TagTranslation(mapping.ValueTable, comparer), reservedTags, comparer), verdict.Reason);
        }

        var row = RowFactory.Create(mapping, direction, fieldA, fieldB, regions.A, regions.B, table);
        claimKeysA = [RowFactory.Access(fieldA, fieldB, regions.A).ClaimKey];
        claimKeysB = [RowFactory.Access(fieldB, fieldA, regions.B).ClaimKey];
        return (row, verdict.Reason);
    }

    /// <summary>Drops table entries naming options a field no longer has (a deleted dropdown value); fields that list no options keep all.</summary>
    private static Dictionary<string, string> KnownOptions(IReadOnlyDictionary<string, string> table, IReadOnlyList<ChoiceOption> optionsA, IReadOnlyList<ChoiceOption> optionsB)
    {
        var idsA = optionsA.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var idsB = optionsB.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (idA, idB) in table)
        {
            if ((idsA.Count == 0 || idsA.Contains(idA)) && (idsB.Count == 0 || idsB.Contains(idB)))
            {
                known[idA] = idB;
            }
        }

        return known;
    }

    private static FieldMapping? Clash(List<(string Key, FieldMapping By)> claims, IReadOnlyList<string> keys)
    {
        foreach (var key in keys)
        {
            foreach (var claim in claims)
            {
                if (Overlaps(claim.Key, key))
                {
                    return claim.By;
                }
            }
        }

        return null;
    }

    // "x" overlaps its parts "x/Start", "x/Currency"; two different parts do not overlap.
    private static bool Overlaps(string one, string other) =>
        one == other
        || (other.Length > one.Length && other.StartsWith(one, StringComparison.Ordinal) && other[one.Length] == '/')
        || (one.Length > other.Length && one.StartsWith(other, StringComparison.Ordinal) && one[other.Length] == '/');

    private static string Label(AppSchema schema, string key) =>
        key == FieldMapping.NameKey ? "Name" : ResolvedField.Resolve(schema, key)?.Label ?? key;

    private static string EmailField(AppSchema schema, string which, List<string> problems)
    {
        var field = FindEmailField(schema);
        if (field is null)
        {
            problems.Add($"The {which} app has no email field, so its contacts cannot be matched.");
        }

        return field?.Key ?? string.Empty;
    }
}
