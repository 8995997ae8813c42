using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Woodpecker.Internal;

/// <summary>
/// A prospect's fields: the standard ones, the global status (read-only), and the fifteen snippets as custom text
/// fields labelled as the account labelled them (read from the prospects' <c>snippet_labels</c>), "Snippet N" otherwise.
/// </summary>
internal static class WoodpeckerSchema
{
    public const int Snippets = 15;

    public static readonly string[] Statuses = ["ACTIVE", "BLACKLIST", "REPLIED", "BOUNCED", "INVALID"];

    public static readonly IReadOnlyList<FieldDefinition> Standard =
    [
        TagsField.Labels(), // #TAG words, read and written as the record's tags
        new(StandardFieldKeys.FirstName, "First name", FieldType.Text) { Role = FieldRole.FirstName },
        new(StandardFieldKeys.LastName, "Last name", FieldType.Text) { Role = FieldRole.LastName },
        new(StandardFieldKeys.Emails, "Email", FieldType.Email) { Role = FieldRole.Emails },
        new(StandardFieldKeys.Phones, "Phone", FieldType.Phone) { Role = FieldRole.Phones },
        new(StandardFieldKeys.Org, "Company name", FieldType.Text) { Role = FieldRole.Company },
        new(StandardFieldKeys.Title, "Title", FieldType.Text) { Role = FieldRole.JobTitle },
        new(StandardFieldKeys.Addresses, "Address", FieldType.Address) { Role = FieldRole.Addresses },
        new(WoodpeckerFieldKeys.Industry, "Industry", FieldType.Text),
        new(WoodpeckerFieldKeys.Website, "Website", FieldType.Url),
        new(WoodpeckerFieldKeys.LinkedIn, "LinkedIn profile", FieldType.Url),
        new(WoodpeckerFieldKeys.Status, "Status", FieldType.SingleChoice)
        {
            IsReadOnly = true,
            Options = [new("ACTIVE", "Active"), new("BLACKLIST", "Blacklisted"), new("REPLIED", "Replied"), new("BOUNCED", "Bounced"), new("INVALID", "Invalid")],
        },
    ];

    public static string Snippet(int n) => WoodpeckerFieldKeys.SnippetPrefix + n.ToString(CultureInfo.InvariantCulture);

    public static AppSchema Build(IReadOnlyDictionary<int, string> labels) => new(Standard.Concat(Enumerable.Range(1, Snippets)
        .Select(n => new FieldDefinition(Snippet(n), labels.GetValueOrDefault(n) ?? "Snippet " + n.ToString(CultureInfo.InvariantCulture), FieldType.Text) { IsCustom = true })));

    /// <summary>
    /// Which snippet each label of <c>snippet_labels</c> ({label: value}) names: the one snippet holding that value. A
    /// value two snippets share says nothing; the first prospect that tells wins.
    /// </summary>
    public static Dictionary<int, string> Labels(IEnumerable<JsonObject> prospects)
    {
        var labels = new Dictionary<int, string>();
        foreach (var prospect in prospects)
        {
            foreach (var (label, node) in prospect["snippet_labels"] as JsonObject ?? [])
            {
                var value = Json.Text(node);
                if (value is null || labels.ContainsValue(label))
                {
                    continue;
                }

                var holders = Enumerable.Range(1, Snippets).Where(n => ProspectReader.SnippetText(prospect, n) == value).ToList();
                if (holders.Count == 1 && !labels.ContainsKey(holders[0]))
                {
                    labels[holders[0]] = label;
                }
            }
        }

        return labels;
    }
}
