using System.Collections.Immutable;
using Tandem.Formats.VCard.Cards;
using Tandem.Domain.Fields;

namespace Tandem.Formats.VCard.Mapping;

/// <summary>
/// How one multi-valued field maps to a repeated vCard property: reading and writing an item's value, and
/// which TYPE values are noise rather than a label (PREF always; INTERNET on EMAIL; VOICE, the default, on TEL).
/// </summary>
internal sealed class ListFieldSpec
{
    private readonly ImmutableHashSet<string> noise;
    private readonly Func<string, string?, ScalarValue?> read;
    private readonly Func<ScalarValue, bool, string> write;

    private ListFieldSpec(string key, string propertyName, FieldType itemType, string[] noise, Func<string, string?, ScalarValue?> read, Func<ScalarValue, bool, string> write)
    {
        Key = key;
        PropertyName = propertyName;
        ItemType = itemType;
        this.noise = ImmutableHashSet.Create(StringComparer.Ordinal, ["pref", .. noise]);
        this.read = read;
        this.write = write;
    }

    public static ListFieldSpec Emails { get; } = new(
        StandardFieldKeys.Emails, "EMAIL", FieldType.Email, ["internet"],
        (raw, _) => Values.Create(FieldType.Email, VCardText.Unescape(raw)),
        (value, _) => VCardText.Escape(value.Text));

    public static ListFieldSpec Phones { get; } = new(
        StandardFieldKeys.Phones, "TEL", FieldType.Phone, ["voice"],
        ReadPhone,
        (value, v4) => v4 ? "tel:" + VCardText.EscapeUri(value.Text) : VCardText.Escape(value.Text));

    public static ListFieldSpec Urls { get; } = new(
        StandardFieldKeys.Urls, "URL", FieldType.Url, [],
        (raw, _) => Values.Create(FieldType.Url, VCardText.Unescape(raw)),
        (value, _) => VCardText.EscapeUri(value.Text));

    public static ListFieldSpec Addresses { get; } = new(
        StandardFieldKeys.Addresses, "ADR", FieldType.Address, [],
        ReadAddress,
        (value, _) => ";;" + VCardText.JoinComponents(Values.Parts(value)));

    /// <summary>RELATED (RFC 6350 §6.6.6): a name as text (4.0 wants VALUE=text for it) or a URI, labelled with the relation.</summary>
    public static ListFieldSpec Related { get; } = new(
        StandardFieldKeys.RelatedPeople, "RELATED", FieldType.Text, [],
        (raw, _) => Values.Create(FieldType.Text, VCardText.Unescape(raw)),
        (value, _) => VCardText.Escape(value.Text))
    {
        ValueText = true,
    };

    /// <summary>IMPP (RFC 4770, RFC 6350 §6.4.3): an instant-messaging URI such as <c>xmpp:ann@example.com</c>.</summary>
    public static ListFieldSpec InstantMessaging { get; } = new(
        StandardFieldKeys.InstantMessaging, "IMPP", FieldType.Url, [],
        (raw, _) => Values.Create(FieldType.Url, VCardText.Unescape(raw)),
        (value, _) => VCardText.EscapeUri(value.Text));

    /// <summary>X-SOCIALPROFILE, as Apple, Google's export and Nextcloud write it: a profile link labelled with the network.</summary>
    public static ListFieldSpec SocialProfiles { get; } = new(
        StandardFieldKeys.SocialProfiles, "X-SOCIALPROFILE", FieldType.Url, [],
        (raw, _) => Values.Create(FieldType.Url, VCardText.Unescape(raw)),
        (value, _) => VCardText.EscapeUri(value.Text));

    public static IReadOnlyList<ListFieldSpec> All { get; } = [Emails, Phones, Urls, Addresses, Related, InstantMessaging, SocialProfiles];

    /// <summary>True when a value that is not a URI must say so (RELATED's default value type is a URI in 4.0).</summary>
    private bool ValueText { get; init; }

    public string Key { get; }

    public string PropertyName { get; }

    public FieldType ItemType { get; }

    /// <summary>The canonical value of a property, or null when it holds nothing Tandem can represent.</summary>
    public ScalarValue? ReadValue(VCardProperty property, string? defaultRegion) => read(property.RawValue, defaultRegion);

    /// <summary>The label: the meaningful TYPE values lower-cased and comma-joined, else an Apple X-ABLabel of the group.</summary>
    public string ReadLabel(VCardProperty property, VCardCard card)
    {
        var types = property.ParameterValues("TYPE")
            .SelectMany(v => v.Split(','))
            .Select(v => v.Trim().ToLowerInvariant())
            .Where(v => v.Length > 0 && !noise.Contains(v))
            .Distinct(StringComparer.Ordinal);
        var label = string.Join(',', types);
        if (label.Length > 0 || property.Group is null)
        {
            return label;
        }

        var abLabel = card.Properties.Find(p => p.Is("X-ABLABEL") && string.Equals(p.Group, property.Group, StringComparison.OrdinalIgnoreCase));
        return abLabel is null ? string.Empty : CleanAppleLabel(VCardText.Unescape(abLabel.RawValue));
    }

    /// <summary>A new property for an item; the label's comma-separated parts become TYPE values.</summary>
    public VCardProperty CreateProperty(LabelledValue item, bool version4)
    {
        var parameters = ImmutableArray.CreateBuilder<VCardParameter>();
        if (ItemType == FieldType.Phone && version4)
        {
            parameters.Add(new VCardParameter("VALUE", ["uri"]));
        }

        if (ValueText && version4 && !item.Value.Text.Contains(':', StringComparison.Ordinal))
        {
            parameters.Add(new VCardParameter("VALUE", ["text"]));
        }

        var types = item.Label.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (types.Length > 0)
        {
            parameters.Add(new VCardParameter("TYPE", types));
        }

        return new VCardProperty(null, PropertyName, parameters.ToImmutable(), write(item.Value, version4));
    }

    private static ScalarValue? ReadPhone(string raw, string? defaultRegion)
    {
        var text = VCardText.Unescape(raw).Trim();
        if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }

        return Values.Create(FieldType.Phone, text, defaultRegion);
    }

    private static ScalarValue? ReadAddress(string raw, string? defaultRegion)
    {
        var parts = VCardText.Components(raw);
        string Part(int i) => i < parts.Count ? parts[i] : string.Empty;

        // ADR is PO box; extended; street; locality; region; postal code; country. PO box and extended
        // address have no place in Tandem's address and are kept only in the file.
        return Values.Create(FieldType.Address, string.Join(Values.PartSeparator, Part(2), Part(3), Part(4), Part(5), Part(6)));
    }

    // Apple writes its built-in labels as "_$!<Mobile>!$_".
    private static string CleanAppleLabel(string label)
    {
        var text = label.Trim();
        if (text.StartsWith("_$!<", StringComparison.Ordinal) && text.EndsWith(">!$_", StringComparison.Ordinal))
        {
            text = text[4..^4];
        }

        return text.ToLowerInvariant();
    }
}
