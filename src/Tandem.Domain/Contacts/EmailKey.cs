using Tandem.Domain.Fields;

namespace Tandem.Domain.Contacts;

/// <summary>The matching key of a contact: its primary email address, trimmed and lower-cased.</summary>
public static class EmailKey
{
    /// <summary>The key of a record given the key of its email field, or null when it has no email.</summary>
    public static string? Of(ContactRecord record, string emailFieldKey) => record.Get(emailFieldKey) switch
    {
        ListValue list => list.Primary.Text,
        ScalarValue scalar when scalar.Type == FieldType.Email => scalar.Text,
        _ => null,
    };
}
