using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Domain.Mapping;

/// <summary>
/// The contact's name. With first + last on both sides the shared value is "first U+001F last" and both
/// parts are compared and written separately. Otherwise it is the full name ("first last", tidied): a
/// full-name side takes it as is, a first + last side is split keeping the part that did not change.
/// </summary>
internal sealed class NameRow : MappingRow
{
    private const char PairSeparator = '\u001F';

    private readonly NameSide a;
    private readonly NameSide b;
    private readonly bool pairs;

    public NameRow(string key, MappingDirection direction, NameSide a, NameSide b)
        : base(key, direction)
    {
        this.a = a;
        this.b = b;
        pairs = a.IsSplit && b.IsSplit;
    }

    public override string? Read(Side side, ContactRecord record)
    {
        var shape = side == Side.A ? a : b;
        if (!shape.IsSplit)
        {
            return PersonName.Tidy(Text(record, shape.FullKey!));
        }

        var first = Text(record, shape.FirstKey!);
        var last = Text(record, shape.LastKey!);
        if (!pairs)
        {
            return PersonName.Join(first, last);
        }

        var f = PersonName.Tidy(first);
        var l = PersonName.Tidy(last);
        return f is null && l is null ? null : f + PairSeparator + l;
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

        var shape = side == Side.A ? a : b;
        if (!shape.IsSplit)
        {
            return [Change(shape.FullKey!, shared)];
        }

        var currentFirst = current is null ? null : Text(current, shape.FirstKey!);
        var currentLast = current is null ? null : Text(current, shape.LastKey!);
        var (first, last) = shared is null ? (null, null)
            : pairs ? SplitPair(shared)
            : PersonName.Split(PersonName.Tidy(shared) ?? string.Empty, currentFirst, currentLast);

        var changes = new List<FieldChange>(2);
        if (PersonName.Tidy(currentFirst) != first)
        {
            changes.Add(Change(shape.FirstKey!, first));
        }

        if (PersonName.Tidy(currentLast) != last)
        {
            changes.Add(Change(shape.LastKey!, last));
        }

        return changes;
    }

    private static (string? First, string? Last) SplitPair(string shared)
    {
        var cut = shared.IndexOf(PairSeparator, StringComparison.Ordinal);
        return cut < 0
            ? (PersonName.Tidy(shared), null)
            : (PersonName.Tidy(shared[..cut]), PersonName.Tidy(shared[(cut + 1)..]));
    }

    private static string? Text(ContactRecord record, string key) => (record.Get(key) as ScalarValue)?.Text;

    private static FieldChange Change(string key, string? text) =>
        new(key, text is null ? null : Values.Text(text));
}
