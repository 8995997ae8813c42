using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Engine.Planning;

/// <summary>
/// How the activity log names a contact: its name, else its email, else its id. The activity log is
/// the connection owner's own data, shown to them; it never goes to the process logs.
/// </summary>
public static class ContactLabel
{
    public static string Of(ContactRecord record, AppSchema schema)
    {
        if (Text(record, schema, FieldRole.FullName) is { } full)
        {
            return full;
        }

        var name = string.Join(' ', new[] { Text(record, schema, FieldRole.FirstName), Text(record, schema, FieldRole.LastName) }.Where(p => p is not null));
        if (name.Length > 0)
        {
            return name;
        }

        return schema.FindRole(FieldRole.Emails) is { } emails && EmailKey.Of(record, emails.Key) is { } email ? email : record.Id;
    }

    private static string? Text(ContactRecord record, AppSchema schema, FieldRole role) =>
        schema.FindRole(role) is { } field && record.Get(field.Key) is ScalarValue value ? value.Text : null;
}
