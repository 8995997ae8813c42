using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>
/// Decides which way values can flow between two fields (PRODUCT.md §5, "compatibility decides direction").
/// Same types map both ways; conversions into text map one way; read-only fields are only sources;
/// a multi-valued list and a single field of its item type map through the list's primary entry.
/// </summary>
/// <remarks>
/// Text → email, phone or URL is allowed: the row carries only text that is a valid address or number
/// (anything else reads as empty), so the target never receives a value it would reject, and the text
/// side is read in the typed field's canonical form (lower-cased email, E.164 phone) so it cannot
/// ping-pong. As email/phone/URL → text is allowed too, such a pair maps both ways. Text → number, date
/// or yes/no stays refused: free text is too often something else ("about 20", "next spring").
/// </remarks>
public static class Compatibility
{
    /// <summary>Whether values of <paramref name="source"/> can be written into <paramref name="target"/>.</summary>
    public static FlowVerdict Check(FieldDefinition source, FieldDefinition target) =>
        Check(new ResolvedField(source.Key, source, CompoundPart.None), new ResolvedField(target.Key, target, CompoundPart.None));

    /// <summary>
    /// The direction a mapping may carry values: what compatibility allows in each direction, narrowed by
    /// the direction the mapping asks for. Keys may name compound parts and <see cref="FieldMapping.NameKey"/>.
    /// </summary>
    public static DirectionVerdict Directions(FieldMapping mapping, AppSchema a, AppSchema b)
    {
        if (mapping.AField == FieldMapping.NameKey || mapping.BField == FieldMapping.NameKey)
        {
            return NameSides.Directions(mapping, a, b);
        }

        var fieldA = ResolvedField.Resolve(a, mapping.AField);
        var fieldB = ResolvedField.Resolve(b, mapping.BField);
        if (fieldA is null || fieldB is null)
        {
            return new DirectionVerdict(null, fieldA is null
                ? $"The first app has no field '{mapping.AField}'."
                : $"The second app has no field '{mapping.BField}'.");
        }

        return Directions(fieldA, fieldB, mapping.Direction);
    }

    internal static DirectionVerdict Directions(ResolvedField a, ResolvedField b, MappingDirection requested) =>
        Narrow(Check(a, b), Check(b, a), a.IsReadOnly && b.IsReadOnly, requested);

    internal static DirectionVerdict Narrow(FlowVerdict forward, FlowVerdict backward, bool bothReadOnly, MappingDirection requested)
    {
        if (bothReadOnly)
        {
            return new DirectionVerdict(null, "Both fields are read-only, so neither can be written.");
        }

        return requested switch
        {
            MappingDirection.AToB => forward.Allowed ? new(MappingDirection.AToB, null) : new(null, forward.Reason),
            MappingDirection.BToA => backward.Allowed ? new(MappingDirection.BToA, null) : new(null, backward.Reason),
            _ when forward.Allowed && backward.Allowed => new(MappingDirection.Both, null),
            _ when forward.Allowed => new(MappingDirection.AToB, "One way only: " + backward.Reason),
            _ when backward.Allowed => new(MappingDirection.BToA, "One way only: " + forward.Reason),
            _ => new(null, forward.Reason),
        };
    }

    internal static FlowVerdict Check(ResolvedField source, ResolvedField target)
    {
        var verdict = Classify(source.Type, source.IsList, target.Type, target.IsList);
        if (verdict.Allowed && target.IsReadOnly)
        {
            return FlowVerdict.Refused($"“{target.Label}” is read-only, so it can only be a source.");
        }

        return verdict;
    }

    internal static FlowVerdict Classify(FieldType source, bool sourceIsList, FieldType target, bool targetIsList)
    {
        // Tags are a set merged tag by tag: only another app's tags can hold them, and nothing else fits into them.
        if (source == FieldType.Tags || target == FieldType.Tags)
        {
            return source == target
                ? new FlowVerdict(Conversion.ValueTable, null)
                : FlowVerdict.Refused(source == FieldType.Tags
                    ? $"Tags can only be stored in another app's tags, not in {TypeWords.Field(target, targetIsList)}."
                    : $"{TypeWords.Value(source, sourceIsList)} cannot be stored in tags; only another app's tags can.");
        }

        if (sourceIsList && targetIsList)
        {
            return source == target
                ? new FlowVerdict(Conversion.WholeList, null)
                : FlowVerdict.Refused($"{TypeWords.Value(source, true)} cannot be stored in {TypeWords.Field(target, true)}.");
        }

        // A list on one side only maps through its primary entry, so only its item type matters.
        var verdict = ClassifyScalar(source, target);
        return verdict.Allowed || !(sourceIsList || targetIsList)
            ? verdict
            : FlowVerdict.Refused($"{TypeWords.Value(source, sourceIsList)} cannot be stored in {TypeWords.Field(target, targetIsList)}.");
    }

    private static FlowVerdict ClassifyScalar(FieldType source, FieldType target)
    {
        if (source == target)
        {
            return new FlowVerdict(IsChoice(source) ? Conversion.ValueTable : Conversion.Same, null);
        }

        return (source, target) switch
        {
            // A photo is bytes: as text it would be pages of base64, and no text is ever a photo.
            (FieldType.Photo, _) or (_, FieldType.Photo) => FlowVerdict.Refused("A photo can only be stored in a photo field."),
            (FieldType.Money, FieldType.Number) or (FieldType.Number, FieldType.Money) => new(Conversion.MoneyAmount, null),
            (_, FieldType.Text) => new(Conversion.ToText, null),
            (FieldType.Text, FieldType.Email or FieldType.Phone or FieldType.Url) => new(Conversion.TextToTyped, null),
            (FieldType.DateTime, FieldType.Date) => FlowVerdict.Refused(
                "A date and time cannot be stored in a date field: the day would depend on the time zone."),
            (FieldType.Date, FieldType.DateTime) => FlowVerdict.Refused(
                "A date cannot be stored in a date-and-time field: it has no time of day, and inventing one would shift it across time zones."),
            (FieldType.Text, _) => FlowVerdict.Refused(
                $"Text cannot be stored in {TypeWords.Field(target, false)}: text can hold anything, so it could not always be read as one."),
            _ => FlowVerdict.Refused($"{TypeWords.Value(source, false)} cannot be stored in {TypeWords.Field(target, false)}."),
        };
    }

    internal static bool IsChoice(FieldType type) =>
        type is FieldType.SingleChoice or FieldType.MultipleChoice or FieldType.OwnerReference;
}
