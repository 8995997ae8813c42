using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Domain.Rules;

/// <summary>One filter with its field resolved and its value canonicalised once, so evaluation allocates nothing.</summary>
internal sealed class CompiledFilter
{
    private readonly FilterKind kind;
    private readonly ResolvedField? field;
    private readonly string value;
    private readonly Dictionary<string, string>? labels;

    private CompiledFilter(FilterKind kind, ResolvedField? field, string value)
    {
        this.kind = kind;
        this.field = field;
        this.value = value;
        if (field is not null && Compatibility.IsChoice(field.Type) && field.Options.Count > 0)
        {
            labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var option in field.Options)
            {
                labels.TryAdd(option.Id, option.Label);
            }
        }
    }

    /// <summary>Compiles <paramref name="filter"/>, or returns null with what is wrong with it.</summary>
    public static CompiledFilter? Compile(Filter filter, AppSchema schema, string? region, out string? error)
    {
        error = null;
        switch (filter.Kind)
        {
            case FilterKind.ExistsInOtherApp or FilterKind.IsSubscribed or FilterKind.IsUnsubscribed or FilterKind.GetsDeleted:
                return new CompiledFilter(filter.Kind, null, string.Empty);
            case FilterKind.HasTag or FilterKind.HasNotTag:
                if (string.IsNullOrWhiteSpace(filter.Value))
                {
                    error = "choose the tag to look for.";
                    return null;
                }

                return new CompiledFilter(filter.Kind, null, filter.Value.Trim());
        }

        if (string.IsNullOrWhiteSpace(filter.Field))
        {
            error = "choose the field to test.";
            return null;
        }

        var field = ResolvedField.Resolve(schema, filter.Field);
        if (field is null)
        {
            error = $"this app has no field '{filter.Field}'.";
            return null;
        }

        if (filter.Kind is FilterKind.FieldIsEmpty or FilterKind.FieldIsNotEmpty)
        {
            return new CompiledFilter(filter.Kind, field, string.Empty);
        }

        if (string.IsNullOrWhiteSpace(filter.Value))
        {
            error = $"enter a value to compare “{field.Label}” with (to test for no value, use “is empty”).";
            return null;
        }

        if (filter.Kind == FilterKind.FieldContains)
        {
            return new CompiledFilter(filter.Kind, field, filter.Value.Trim());
        }

        var canonical = FilterValues.Canonical(field, filter.Value, region);
        if (canonical is null)
        {
            error = Compatibility.IsChoice(field.Type)
                ? $"“{field.Label}” has no option '{filter.Value.Trim()}'."
                : $"'{filter.Value.Trim()}' is not a valid value for “{field.Label}”.";
            return null;
        }

        return new CompiledFilter(filter.Kind, field, canonical);
    }

    public bool IsGetsDeleted => kind == FilterKind.GetsDeleted;

    /// <param name="record">The contact, or the last known state of a deleted one.</param>
    /// <param name="hasCounterpart">Whether the contact is linked to a record in the other app.</param>
    /// <param name="deleted">Whether <paramref name="record"/> is a contact that was just deleted (only "gets deleted" cares).</param>
    public bool Matches(ContactRecord record, bool hasCounterpart, bool deleted = false) => kind switch
    {
        FilterKind.ExistsInOtherApp => hasCounterpart,
        FilterKind.GetsDeleted => deleted,

        // A contact who never subscribed (a transactional contact) is not subscribed, though not unsubscribed either.
        FilterKind.IsSubscribed => !record.IsUnsubscribed && !record.NeverSubscribed,
        FilterKind.IsUnsubscribed => record.IsUnsubscribed,
        FilterKind.HasTag => HasTag(record),
        FilterKind.HasNotTag => !HasTag(record),
        FilterKind.FieldIsEmpty => !FilterValues.Any(field!, record, 0, static (_, _) => true),
        FilterKind.FieldIsNotEmpty => FilterValues.Any(field!, record, 0, static (_, _) => true),
        FilterKind.FieldEquals => FilterValues.Any(field!, record, value, static (entry, wanted) => entry == wanted),

        // An empty field is "not equal" to any value.
        FilterKind.FieldNotEquals => !FilterValues.Any(field!, record, value, static (entry, wanted) => entry == wanted),
        FilterKind.FieldContains => FilterValues.Any(field!, record, this, static (entry, self) => self.Contains(entry)),
        _ => false,
    };

    private bool Contains(string entry) =>
        entry.Contains(value, StringComparison.OrdinalIgnoreCase)
        || (labels is not null && labels.TryGetValue(entry, out var label) && label.Contains(value, StringComparison.OrdinalIgnoreCase));

    private bool HasTag(ContactRecord record)
    {
        if (record.Tags.Contains(value))
        {
            return true;
        }

        foreach (var tag in record.Tags)
        {
            if (string.Equals(tag.Trim(), value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
