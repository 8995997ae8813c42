using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>
/// A single-choice, multiple-choice or owner field on both sides, translated through a value table.
/// Options with no table entry are never written: on a single choice such an option reads as empty
/// (the other side has no counterpart for it); on a multiple choice it is left out of the shared set
/// and kept untouched in the record when the set is written.
/// </summary>
internal sealed class ChoiceRow : MappingRow
{
    private readonly string keyA;
    private readonly string keyB;
    private readonly FieldType type;
    private readonly ChoiceTranslation table;

    public ChoiceRow(string key, MappingDirection direction, string keyA, string keyB, FieldType type, ChoiceTranslation table)
        : base(key, direction)
    {
        this.keyA = keyA;
        this.keyB = keyB;
        this.type = type;
        this.table = table;
    }

    public override string? Read(Side side, ContactRecord record)
    {
        if (record.Get(side == Side.A ? keyA : keyB) is not ScalarValue value)
        {
            return null;
        }

        if (type != FieldType.MultipleChoice)
        {
            return table.From(side == Side.A, value.Text);
        }

        var shared = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var id in Values.Parts(value))
        {
            if (table.From(side == Side.A, id) is { } mapped)
            {
                shared.Add(mapped);
            }
        }

        return shared.Count == 0 ? null : string.Join(Values.PartSeparator, shared);
    }

    public override IReadOnlyList<FieldChange> Write(Side side, string? shared, ContactRecord? current)
    {
        if (!CanFlowFrom(side.Other()) || (current is null && shared is null))
        {
            return [];
        }

        if (current is not null && Read(side, current) == shared)
        {
            return [];
        }

        var key = side == Side.A ? keyA : keyB;
        var ids = type == FieldType.MultipleChoice ? MultipleIds(side, shared, current?.Get(key) as ScalarValue) : SingleIds(side, shared);
        if (ids is null)
        {
            return [];
        }

        if (ids.Count == 0)
        {
            return current?.Get(key) is null ? [] : [new FieldChange(key, null)];
        }

        var value = type == FieldType.MultipleChoice ? Values.MultipleChoice(ids) : Values.Require(type, ids[0]);
        return [new FieldChange(key, value)];
    }

    /// <summary>The ids to hold, or null when the shared id has no option on this side (not written).</summary>
    private List<string>? SingleIds(Side side, string? shared)
    {
        if (shared is null)
        {
            return [];
        }

        var id = side == Side.A ? (table.FromA(shared) is null ? null : shared) : table.ToB(shared);
        return id is null ? null : [id];
    }

    private List<string> MultipleIds(Side side, string? shared, ScalarValue? current)
    {
        var wanted = new HashSet<string>(shared is null ? [] : shared.Split(Values.PartSeparator), StringComparer.Ordinal);
        var missing = new HashSet<string>(wanted, StringComparer.Ordinal);
        var ids = new List<string>();
        if (current is not null)
        {
            foreach (var id in Values.Parts(current))
            {
                var mapped = table.From(side == Side.A, id);

                // Unmapped options stay; mapped ones stay while their shared id is still wanted.
                if (mapped is null || wanted.Contains(mapped))
                {
                    ids.Add(id);
                    missing.Remove(mapped ?? string.Empty);
                }
            }
        }

        foreach (var sharedId in missing)
        {
            var id = side == Side.A ? (table.FromA(sharedId) is null ? null : sharedId) : table.ToB(sharedId);
            if (id is not null)
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
