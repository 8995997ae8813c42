using Tandem.Domain.Configuration;
using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Web.Services.Mappings;

/// <summary>A source field's value in one of the account's first contacts, shown as text.</summary>
internal static class VariableMatchingPreview
{
    public static string? Of(AppSchema schema, IReadOnlyList<ContactRecord> sample, string key) =>
        sample.Select(record => Show(schema, record, key)).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static string? Show(AppSchema schema, ContactRecord record, string key)
    {
        if (key == FieldMapping.NameKey)
        {
            if (schema.FindRole(FieldRole.FullName) is { } full && Text(record.Get(full.Key)) is { Length: > 0 } whole)
            {
                return whole;
            }

            var parts = new[] { FieldRole.FirstName, FieldRole.LastName }
                .Select(role => schema.FindRole(role) is { } field ? Text(record.Get(field.Key)) : null)
                .Where(p => !string.IsNullOrEmpty(p));
            return string.Join(' ', parts);
        }

        // A compound part previews its whole field ("Budget/Currency" shows the budget).
        var value = record.Get(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return Text(value is null && slash > 0 ? record.Get(key[..slash]) : value);
    }

    private static string? Text(FieldValue? value) => value switch
    {
        null => null,
        ListValue list => list.Items.Length > 1 ? $"{Readable(list.Primary.Text)} (+{list.Items.Length - 1})" : Readable(list.Primary.Text),
        ScalarValue scalar => Readable(scalar.Text),
        _ => Readable(value.Canonical),
    };

    // Compound values (an address's street, city, …; a multiple choice's options) keep their non-empty parts.
    private static string Readable(string text) =>
        text.Contains(Values.PartSeparator, StringComparison.Ordinal)
            ? string.Join(", ", text.Split(Values.PartSeparator).Where(part => part.Length > 0))
            : text;
}
