using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>
/// The tags of both sides (<see cref="TagsField"/>), renamed through a value table. The shared value is the set of
/// shared tag names, sorted and joined by <see cref="Values.PartSeparator"/>; the engine merges it tag by tag
/// (<see cref="SetMerge"/>), never as one value. Reserved tags (Tandem's markers, the tags of rule actions) are never
/// read and never touched by a write: they keep their own meaning on each side. When either app treats names without
/// case (<see cref="FieldDefinition.IgnoresCase"/>), "VIP" and "vip" are one tag: read once, never added beside each other.
/// </summary>
internal sealed class TagsRow : MappingRow
{
    private readonly TagTranslation table;
    private readonly HashSet<string> reserved;
    private readonly StringComparer comparer;

    public TagsRow(string key, MappingDirection direction, TagTranslation table, IReadOnlySet<string> reserved, StringComparer? comparer = null)
        : base(key, direction)
    {
        this.table = table;
        this.comparer = comparer ?? StringComparer.Ordinal;
        this.reserved = new HashSet<string>(reserved, this.comparer);
    }

    public override bool IsSet => true;

    public override StringComparer SetComparer => comparer;

    public override bool Same(string? x, string? y) => x == y || SetMerge.Elements(x, comparer).SetEquals(SetMerge.Elements(y, comparer));

    public override string? Read(Side side, ContactRecord record) => Join(SharedTags(side, record));

    public override IReadOnlyList<FieldChange> Write(Side side, string? shared, ContactRecord? current)
    {
        if (!CanFlowFrom(side.Other()) || (current is null && shared is null))
        {
            return [];
        }

        var wanted = SetMerge.Elements(shared, comparer);
        var held = current?.Tags ?? [];
        var next = new SortedSet<string>(StringComparer.Ordinal);
        var present = new HashSet<string>(comparer);
        foreach (var tag in held)
        {
            // Reserved tags stay; a tag stays while its shared name is still wanted (a renamed twin keeps its own name).
            var name = Shared(side, tag);
            if (name is null || wanted.Contains(name))
            {
                next.Add(tag);
                present.Add(name ?? string.Empty);
            }
        }

        foreach (var name in wanted.Where(n => !present.Contains(n)))
        {
            // A value table renaming a tag to one of Tandem's markers never sets the marker.
            if (table.Local(side == Side.A, name) is var local && !reserved.Contains(local) && !next.Contains(local, comparer))
            {
                next.Add(local);
            }
        }

        if (current is not null && next.SetEquals(held))
        {
            return [];
        }

        return [new FieldChange(TagsField.Key, Values.Tags(next))];
    }

    private SortedSet<string> SharedTags(Side side, ContactRecord record)
    {
        // Without case, the first of "VIP" and "vip" in ordinal order stands for both.
        var names = new SortedSet<string>(comparer);
        foreach (var tag in record.Tags.Order(StringComparer.Ordinal))
        {
            if (Shared(side, tag) is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The shared name of a tag, or null for a reserved tag (or a blank one).</summary>
    private string? Shared(Side side, string tag)
    {
        var trimmed = tag.Trim();
        return trimmed.Length == 0 || reserved.Contains(trimmed) ? null : table.Shared(side == Side.A, trimmed);
    }

    private static string? Join(SortedSet<string> names) => names.Count == 0 ? null : string.Join(Values.PartSeparator, names);
}
