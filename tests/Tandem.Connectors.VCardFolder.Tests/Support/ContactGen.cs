using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.VCardFolder.Tests.Support;

/// <summary>Generators of canonical contact values, rich in the characters vCard must escape or fold.</summary>
internal static class ContactGen
{
    // Whole text elements, so the emoji stays a surrogate pair. No CR: vCard cannot represent a bare carriage return.
    private static readonly string[] Alphabet = ["a", "A", "b", "Z", "é", "日", "😀", " ", ",", ";", ":", "\\", "\n", "\t", "\"", "=", "^", ".", "-", "_", "@"];

    public static Gen<string> RawText { get; } =
        Gen.Elements(Alphabet).ArrayOf().Select(string.Concat);

    public static Gen<ScalarValue?> Text { get; } = RawText.Select(t => Values.Create(FieldType.Text, t));

    public static Gen<ScalarValue> Email { get; } =
        from local in Gen.Elements("ann", "Bob", "c.d", "e,f", "g;h", "ÉLISE")
        from n in Gen.Choose(0, 99)
        from domain in Gen.Elements("example.com", "ACME.example")
        select Values.Email($"{local}{n}@{domain}");

    public static Gen<ScalarValue> Phone { get; } =
        from prefix in Gen.Elements("+32 ", "0", "+1 202 ", string.Empty)
        from digits in Gen.Choose(10_000_000, 99_999_999)
        select Values.Phone(prefix + digits.ToString(System.Globalization.CultureInfo.InvariantCulture), "BE");

    public static Gen<ScalarValue> Url { get; } = RawText.Select(t => Values.Create(FieldType.Url, "https://example.com/" + t)!);

    /// <summary>
    /// Addresses with a street and a country: Values.Create trims the whole canonical text, and U+001F counts as
    /// white space, so an address whose first or last part is empty loses its part positions in Tandem.Domain
    /// itself (reported; not something a connector can work around).
    /// </summary>
    public static Gen<ScalarValue?> Address { get; } =
        from street in RawText
        from middle in RawText.ArrayOf(3)
        from country in RawText
        select Values.Create(FieldType.Address, string.Join(Values.PartSeparator, ["x" + street + "x", .. middle, "x" + country + "x"]));

    public static Gen<ScalarValue> Birthday { get; } =
        from year in Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(1900, 2100).Select(y => (int?)y))
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, DateTime.DaysInMonth(year ?? 2000, month))
        select Values.Date(new PartialDate(year, month, day));

    /// <summary>Photos: a PNG, a JPEG or bytes of no known format, of random content.</summary>
    public static Gen<ScalarValue> Photo { get; } =
        from head in Gen.Elements<byte[]>([0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], [0x01])
        from body in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf()
        select Photos.FromBytes([.. head, .. body])!;

    public static Gen<ListValue?> List(FieldType type, Gen<ScalarValue?> items, params string[] labels) =>
        Gen.Zip(Gen.Elements(labels), items).ListOf().Select(pairs =>
        {
            var values = pairs.Where(p => p.Item2 is not null).Select(p => new LabelledValue(p.Item1, p.Item2!)).Take(4).ToImmutableArray();
            return values.IsEmpty ? null : new ListValue(type, values);
        });

    /// <summary>A set of fields for the given keys, each present or absent at random.</summary>
    public static Gen<ImmutableDictionary<string, FieldValue>> Fields(IReadOnlyCollection<string> keys)
    {
        var all = new Dictionary<string, Gen<FieldValue?>>
        {
            ["name.first"] = Text.Select(v => (FieldValue?)v),
            ["name.last"] = Text.Select(v => (FieldValue?)v),
            ["name.full"] = Text.Select(v => (FieldValue?)v),
            ["emails"] = List(FieldType.Email, Email.Select(v => (ScalarValue?)v), "", "work", "home", "x-custom").Select(v => (FieldValue?)v),
            ["phones"] = List(FieldType.Phone, Phone.Select(v => (ScalarValue?)v), "", "cell", "work,cell", "fax").Select(v => (FieldValue?)v),
            ["addresses"] = List(FieldType.Address, Address, "", "home", "work").Select(v => (FieldValue?)v),
            ["urls"] = List(FieldType.Url, Url.Select(v => (ScalarValue?)v), "", "work").Select(v => (FieldValue?)v),
            ["org"] = Text.Select(v => (FieldValue?)v),
            ["title"] = Text.Select(v => (FieldValue?)v),
            ["birthday"] = Gen.OneOf(Gen.Constant((FieldValue?)null), Birthday.Select(v => (FieldValue?)v)),
            ["note"] = Text.Select(v => (FieldValue?)v),
            ["nickname"] = Text.Select(v => (FieldValue?)v),
            ["photo"] = Gen.OneOf(Gen.Constant((FieldValue?)null), Photo.Select(v => (FieldValue?)v)),
            ["anniversary"] = Gen.OneOf(Gen.Constant((FieldValue?)null), Birthday.Select(v => (FieldValue?)v)),
            ["org.department"] = Text.Select(v => (FieldValue?)v),
            ["gender"] = Gen.OneOf(Text, Gen.Elements("female", "male", "other", "none", "unknown").Select(Values.Text).Select(v => (ScalarValue?)v)).Select(v => (FieldValue?)v),
            ["pronouns"] = Text.Select(v => (FieldValue?)v),
            ["related"] = List(FieldType.Text, Text, "", "spouse", "child").Select(v => (FieldValue?)v),
            ["im"] = List(FieldType.Url, RawText.Select(t => Values.Create(FieldType.Url, "xmpp:" + t)), "", "work").Select(v => (FieldValue?)v),
            ["social"] = List(FieldType.Url, Url.Select(v => (ScalarValue?)v), "twitter", "linkedin").Select(v => (FieldValue?)v),
            ["custom"] = List(FieldType.Text, Text, "X-A", "X-SHOE-SIZE").Select(v => (FieldValue?)v),
        };
        return Gen.CollectToList(keys.Select(k => all[k].Select(v => (Key: k, Value: v))))
            .Select(pairs => pairs.Where(p => p.Value is not null).ToImmutableDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal));
    }

    public static Gen<ImmutableSortedSet<string>> Tags { get; } =
        RawText.Select(t => t.Trim()).Where(t => t.Length > 0).ListOf().Select(ts => ts.Take(3).ToImmutableSortedSet(StringComparer.Ordinal));
}
