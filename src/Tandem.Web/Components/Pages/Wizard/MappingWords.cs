using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Web.Components.Pages.Wizard;

/// <summary>Labels, arrows and preview values of mapping rows.</summary>
public static class MappingWords
{
    public static string Label(AppSchema schema, string key)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return key == FieldMapping.NameKey ? "Name" : schema.Find(key)?.Label ?? key;
    }

    public static string Arrow(MappingDirection direction) => direction switch
    {
        MappingDirection.AToB => "→",
        MappingDirection.BToA => "←",
        _ => "⇄",
    };

    public static string Direction(MappingDirection direction, string a, string b) => direction switch
    {
        MappingDirection.AToB => $"{a} → {b} only",
        MappingDirection.BToA => $"{b} → {a} only",
        _ => "both ways",
    };

    /// <summary>The value a real contact holds in the field, shown as text; null when empty.</summary>
    public static string? Preview(ContactRecord? contact, AppSchema schema, string key)
    {
        if (contact is null)
        {
            return null;
        }

        if (key == FieldMapping.NameKey)
        {
            var full = schema.FindRole(FieldRole.FullName) is { } f ? Show(contact.Get(f.Key)) : null;
            var first = schema.FindRole(FieldRole.FirstName) is { } g ? Show(contact.Get(g.Key)) : null;
            var last = schema.FindRole(FieldRole.LastName) is { } l ? Show(contact.Get(l.Key)) : null;
            return full ?? string.Join(' ', new[] { first, last }.Where(p => !string.IsNullOrEmpty(p))).NullIfEmpty();
        }

        if (key == TagsField.Key)
        {
            return TagsWords.Preview(contact);
        }

        // A compound field's part shows that part only: "Availability (start)" is the range's first date, not the range.
        var baseKey = key.Split('/')[0];
        var whole = contact.Get(baseKey);
        if (whole is ScalarValue scalar && key.Length > baseKey.Length)
        {
            return Part(scalar.Text, key[baseKey.Length..]);
        }

        return Show(whole);
    }

    private static string? Part(string text, string suffix)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var part = suffix switch
        {
            SchemaExpansion.StartSuffix => slash < 0 ? null : text[..slash],
            SchemaExpansion.EndSuffix => slash < 0 ? null : text[(slash + 1)..],
            SchemaExpansion.CurrencySuffix => space < 0 ? null : text[(space + 1)..],
            _ => text,
        };
        return string.IsNullOrEmpty(part) ? null : part;
    }

    private static string? Show(FieldValue? value) => value switch
    {
        null => null,
        ListValue list => string.Join(", ", list.Items.Select(i => i.Value.Text.Replace('\u001F', ' '))),
        _ => value.Canonical.Replace('\u001F', ' ').Replace('\u001E', ','),
    };

    private static string? NullIfEmpty(this string text) => text.Length == 0 ? null : text;
}
