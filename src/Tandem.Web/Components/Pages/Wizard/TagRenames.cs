using Tandem.Domain.Contacts;
using Tandem.Domain.Fields;

namespace Tandem.Web.Components.Pages.Wizard;

/// <summary>
/// The value table of a "Tags ↔ Tags" row as the fields step edits it: a tag of the first app renamed to a tag of the
/// second ("VIP" → "Key account"), both ways. A tag not listed keeps its name in both apps. Tandem's own tags are never
/// copied, so they can be neither renamed nor a new name.
/// </summary>
public sealed class TagRenames
{
    private readonly DraftMapping row;

    public TagRenames(DraftMapping row)
    {
        ArgumentNullException.ThrowIfNull(row);
        this.row = row;
    }

    /// <summary>The renames, by the first app's tag.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries =>
        (row.ValueTable ?? []).OrderBy(e => e.Key, StringComparer.CurrentCultureIgnoreCase).ToList();

    /// <summary>Adds or changes a rename; the refusal in words, or null when it was taken.</summary>
    public string? Set(string? from, string? to)
    {
        var a = from?.Trim() ?? string.Empty;
        var b = to?.Trim() ?? string.Empty;
        if (a.Length == 0 || b.Length == 0)
        {
            return "Give both tags: the one in the first app and the name it has in the second.";
        }

        if (TagsField.Markers.FirstOrDefault(m => string.Equals(m, a, StringComparison.OrdinalIgnoreCase) || string.Equals(m, b, StringComparison.OrdinalIgnoreCase)) is { } marker)
        {
            return $"\"{marker}\" is Tandem's own tag and is never copied, so it cannot be renamed.";
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return $"\"{a}\" already has the same name in both apps.";
        }

        row.ValueTable ??= new Dictionary<string, string>(StringComparer.Ordinal);
        row.ValueTable[a] = b;
        return null;
    }

    /// <summary>Removes the rename of a tag of the first app: it keeps its name in both apps again.</summary>
    public void Remove(string from) => row.ValueTable?.Remove(from);

    /// <summary>The tags the example contacts of one app hold (Tandem's own left out), to suggest while typing.</summary>
    public static IReadOnlyList<string> Seen(IEnumerable<ContactRecord> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return sample.SelectMany(c => c.Tags)
            .Where(t => !TagsField.Markers.Contains(t))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.CurrentCultureIgnoreCase)
            .Take(200)
            .ToList();
    }
}
