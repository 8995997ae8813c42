using Tandem.Domain.Fields;

namespace Tandem.Domain.Contacts;

/// <summary>
/// The matching keys of a contact's email addresses: each address trimmed, Unicode-normalised (a
/// decomposed accent is composed, a full-width "＠" is "@"; see <see cref="LatinComposition"/>) and lower-cased.
/// </summary>
public static class EmailKey
{
    /// <summary>The key of the primary (first) email of a record given the key of its email field, or null when it has none.</summary>
    public static string? Of(ContactRecord record, string emailFieldKey) => All(record, emailFieldKey) is [var primary, ..] ? primary : null;

    /// <summary>The keys of every email a record holds, primary first, each once.</summary>
    public static IReadOnlyList<string> All(ContactRecord record, string emailFieldKey)
    {
        var texts = record.Get(emailFieldKey) switch
        {
            ListValue list => list.Items.Select(i => i.Value.Text),
            ScalarValue scalar when scalar.Type == FieldType.Email => [scalar.Text],
            _ => [],
        };
        var keys = new List<string>();
        foreach (var text in texts)
        {
            if (Normalize(text) is { } key && !keys.Contains(key, StringComparer.Ordinal))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>The key of one address, or null when it is blank.</summary>
    public static string? Normalize(string? email)
    {
        var trimmed = email?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : LatinComposition.Compose(trimmed).ToLowerInvariant();
    }
}
