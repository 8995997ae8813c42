using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;

namespace Tandem.Domain.Mapping;

/// <summary>
/// A compiled field-mapping row. It reads from each side a <em>shared value</em>: one canonical string
/// in a form both sides can be compared in (null when empty). The engine's three-way merge works on
/// these shared values and the baseline stores them; the row then writes a chosen shared value back
/// into one side's shape, touching only what must change (a changed last name updates the last name).
/// </summary>
public abstract class MappingRow
{
    protected MappingRow(string key, MappingDirection direction)
    {
        Key = key;
        Direction = direction;
    }

    /// <summary>Stable key of the row (its baseline is stored under it).</summary>
    public string Key { get; }

    /// <summary>The directions this row may carry values, after type compatibility and read-only fields.</summary>
    public MappingDirection Direction { get; }

    /// <summary>An empty value read on the source side is not written: the target keeps what it holds.</summary>
    public bool IgnoresEmpty { get; internal set; }

    /// <summary>
    /// True when the shared value is a set merged element by element (<see cref="SetMerge"/>): a tag added on one side
    /// and another removed on the other both hold, and only the same element changed both ways is a conflict.
    /// </summary>
    public virtual bool IsSet => false;

    /// <summary>How the elements of a set-valued row compare: without case when either app ignores it (tags).</summary>
    public virtual StringComparer SetComparer => StringComparer.Ordinal;

    /// <summary>True when values may flow from <paramref name="source"/> to the other side through this row.</summary>
    public bool CanFlowFrom(Side source) => Direction switch
    {
        MappingDirection.Both => true,
        MappingDirection.AToB => source == Side.A,
        MappingDirection.BToA => source == Side.B,
        _ => false,
    };

    /// <summary>The shared value <paramref name="record"/> on <paramref name="side"/> holds, or null when empty.</summary>
    public abstract string? Read(Side side, ContactRecord record);

    /// <summary>
    /// Whether two shared values of this row are the same content. A list is the same whichever entry is
    /// primary: an app that reorders entries is not an edit, and a write keeps the target's order.
    /// </summary>
    public virtual bool Same(string? x, string? y) => x == y;

    /// <summary>
    /// The field changes that make <paramref name="current"/> (null for a record about to be created)
    /// on <paramref name="side"/> hold <paramref name="shared"/>. Empty when it already does.
    /// </summary>
    public abstract IReadOnlyList<FieldChange> Write(Side side, string? shared, ContactRecord? current);
}
