using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>
/// A mapping row between two field accesses. Each side's read is turned into the shared form by an
/// optional conversion (null: the side's canonical text already is the shared form, and reading
/// allocates nothing). A side is written only when values may flow into it.
/// </summary>
internal sealed class FieldRow : MappingRow
{
    private readonly FieldAccess a;
    private readonly FieldAccess b;
    private readonly Func<string, string?>? aToShared;
    private readonly Func<string, string?>? bToShared;

    public FieldRow(string key, MappingDirection direction, FieldAccess a, FieldAccess b, Func<string, string?>? aToShared, Func<string, string?>? bToShared)
        : base(key, direction)
    {
        this.a = a;
        this.b = b;
        this.aToShared = aToShared;
        this.bToShared = bToShared;
    }

    internal FieldAccess AccessOf(Side side) => side == Side.A ? a : b;

    public override string? Read(Side side, ContactRecord record)
    {
        var raw = AccessOf(side).Read(record);
        var convert = side == Side.A ? aToShared : bToShared;
        return raw is null || convert is null ? raw : convert(raw);
    }

    public override bool Same(string? x, string? y) =>
        a.SharesList && b.SharesList ? ListValue.Unordered(x) == ListValue.Unordered(y) : x == y;

    public override IReadOnlyList<FieldChange> Write(Side side, string? shared, ContactRecord? current)
    {
        // A row never writes against its direction: a one-way conversion cannot be read back.
        if (!CanFlowFrom(side.Other()) || (current is null && shared is null))
        {
            return [];
        }

        // Exact, not Same: a write asked for with the same entries but another primary puts that primary first.
        if (current is not null && Read(side, current) == shared)
        {
            return [];
        }

        return AccessOf(side).Write(shared, current);
    }
}
