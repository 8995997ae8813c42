using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Web.Services.Errors;
using Tandem.Web.Services.Fields;

namespace Tandem.Web.Services.Mappings;

/// <summary>
/// Variable matching of a one-way feed (PRODUCT.md §5): the table of source fields built from mapping rows, and
/// the user's matches turned back into mapping rows, refused as a whole when two source fields would fill one
/// target field or a target does not accept its source. Pure: both accounts' schemas are read by the caller.
/// </summary>
public static class VariableMatching
{
    /// <summary>The one-way feed the table describes: its source side.</summary>
    /// <exception cref="InvalidRequestException">The direction is two-way.</exception>
    public static Side SourceOf(SyncDirection direction) => direction switch
    {
        SyncDirection.AToB => Side.A,
        SyncDirection.BToA => Side.B,
        _ => throw new InvalidRequestException("Variable matching is for one-way connections; a two-way connection maps its fields in rows that work both ways."),
    };

    /// <summary>The table for <paramref name="mappings"/> (enabled rows only; the first row of a source field wins).</summary>
    public static VariableMatchingTable Table(AccountSchema a, AccountSchema b, SyncDirection direction, IReadOnlyList<FieldMapping> mappings, string appA, string appB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(mappings);
        var source = SourceOf(direction);
        var (from, to) = source == Side.A ? (a, b) : (b, a);
        var check = MappingService.Check(mappings, a, b);
        var rows = new List<VariableMatchingRow>();
        foreach (var (key, label, type) in SourceFields(from.Schema))
        {
            var view = check.Rows.FirstOrDefault(r => r.Mapping.Enabled && SourceKey(r.Mapping, source) == key);
            var target = view is null ? null : TargetKey(view.Mapping, source);
            rows.Add(new VariableMatchingRow(
                key,
                label,
                type,
                VariableMatchingPreview.Of(from.Schema, from.Sample, key),
                target,
                target is null ? null : LabelOf(to.Schema, target),
                view?.Mapping.IgnoreEmptyValues ?? false,
                Candidates(a, b, source, key),
                view?.Refused));
        }

        var (sourceApp, targetApp) = source == Side.A ? (appA, appB) : (appB, appA);
        var creatable = to.CreatableTypes;
        return new VariableMatchingTable(
            direction,
            sourceApp,
            targetApp,
            rows,
            creatable.Count > 0,
            creatable.Count > 0 ? null : NewFieldCheck.CannotCreateReason(targetApp),
            check.Problems,
            creatable);
    }

    /// <summary>The matches <paramref name="mappings"/> make, one per matched source field.</summary>
    public static IReadOnlyList<VariableMatchingChoice> Choices(SyncDirection direction, IReadOnlyList<FieldMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        var source = SourceOf(direction);
        return mappings
            .Where(m => m.Enabled)
            .DistinctBy(m => SourceKey(m, source))
            .Select(m => new VariableMatchingChoice(SourceKey(m, source), TargetKey(m, source), m.IgnoreEmptyValues))
            .ToList();
    }

    /// <summary>The mapping rows of <paramref name="choices"/>, each one way from the source.</summary>
    /// <exception cref="InvalidRequestException">Every problem: an unknown field, a target that does not accept its source, one target for two source fields, nothing matched.</exception>
    public static IReadOnlyList<FieldMapping> ToMappings(AccountSchema a, AccountSchema b, SyncDirection direction, IReadOnlyList<VariableMatchingChoice>? choices)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var source = SourceOf(direction);
        var (from, to) = source == Side.A ? (a, b) : (b, a);
        var sources = SourceFields(from.Schema).ToDictionary(f => f.Key, f => f.Label, StringComparer.Ordinal);
        var errors = new List<string>();
        var mappings = new List<FieldMapping>();
        var sourcesSeen = new HashSet<string>(StringComparer.Ordinal);
        var targetsTaken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var choice in choices ?? [])
        {
            if (choice is null || string.IsNullOrWhiteSpace(choice.Source) || !sources.TryGetValue(choice.Source, out var sourceLabel))
            {
                errors.Add($"The source app has no field '{choice?.Source}'.");
                continue;
            }

            if (!sourcesSeen.Add(choice.Source))
            {
                errors.Add($"“{sourceLabel}” is listed twice; match each source field once.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(choice.Target))
            {
                continue;
            }

            var mapping = Mapping(source, choice.Source, choice.Target, choice.IgnoreEmptyValues);
            var verdict = Compatibility.Directions(mapping, a.Schema, b.Schema);
            if (!verdict.Allowed)
            {
                errors.Add($"“{sourceLabel}” cannot be matched with '{choice.Target}': {verdict.Reason}");
                continue;
            }

            if (targetsTaken.TryGetValue(choice.Target, out var takenBy))
            {
                errors.Add($"“{sourceLabel}” and “{takenBy}” both target “{LabelOf(to.Schema, choice.Target)}”: two source fields cannot fill one target field.");
                continue;
            }

            targetsTaken[choice.Target] = sourceLabel;
            mappings.Add(mapping);
        }

        if (errors.Count == 0 && mappings.Count == 0)
        {
            errors.Add("No source field is matched, so nothing would be sent: match at least one.");
        }

        // Overlaps the keys alone do not show (the name and a first-name field both filling the name) are the compiler's.
        if (errors.Count == 0)
        {
            errors.AddRange(MappingService.Check(mappings, a, b).Rows
                .Where(r => r.Refused is not null)
                .Select(r => $"“{sources[SourceKey(r.Mapping, source)]}”: {r.Refused}"));
        }

        InvalidRequestException.ThrowIfAny("The variable matching cannot be used:", errors);
        return mappings;
    }

    private static FieldMapping Mapping(Side source, string sourceKey, string targetKey, bool ignoreEmpty) =>
        (source == Side.A ? new FieldMapping(sourceKey, targetKey) { Direction = MappingDirection.AToB } : new FieldMapping(targetKey, sourceKey) { Direction = MappingDirection.BToA })
        with { IgnoreEmptyValues = ignoreEmpty };

    private static string SourceKey(FieldMapping mapping, Side source) => source == Side.A ? mapping.AField : mapping.BField;

    private static string TargetKey(FieldMapping mapping, Side source) => source == Side.A ? mapping.BField : mapping.AField;

    /// <summary>The name (when the app has name fields) then every field, in the app's order.</summary>
    private static IEnumerable<(string Key, string Label, FieldType? Type)> SourceFields(AppSchema schema)
    {
        if (HasName(schema))
        {
            yield return (FieldMapping.NameKey, "Name", null);
        }

        foreach (var field in schema.Fields)
        {
            yield return (field.Key, LabelOf(schema, field.Key), field.Type);
        }
    }

    private static IReadOnlyList<VariableMatchingTarget> Candidates(AccountSchema a, AccountSchema b, Side source, string sourceKey)
    {
        var target = (source == Side.A ? b : a).Schema;
        var keys = (HasName(target) ? [FieldMapping.NameKey] : Array.Empty<string>()).Concat(target.Fields.Select(f => f.Key));
        var result = new List<VariableMatchingTarget>();
        foreach (var key in keys)
        {
            var verdict = Compatibility.Directions(Mapping(source, sourceKey, key, ignoreEmpty: false), a.Schema, b.Schema);
            if (verdict.Allowed)
            {
                result.Add(new VariableMatchingTarget(key, LabelOf(target, key), verdict.Reason));
            }
        }

        return result;
    }

    private static bool HasName(AppSchema schema) =>
        schema.FindRole(FieldRole.FullName) is not null || (schema.FindRole(FieldRole.FirstName) is not null && schema.FindRole(FieldRole.LastName) is not null);

    // The name row (first and last name, or the full name) is "Name"; an app's own field of that label is told apart from it.
    private static string LabelOf(AppSchema schema, string key) =>
        key == FieldMapping.NameKey ? "Name"
        : schema.Find(key)?.Label is { } label ? (HasName(schema) && string.Equals(label, "Name", StringComparison.OrdinalIgnoreCase) ? $"{label} (the field itself)" : label)
        : key;
}
