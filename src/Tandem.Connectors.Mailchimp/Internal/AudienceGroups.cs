using System.Text.Json.Nodes;
using Tandem.Domain.Fields;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// The audience's interest categories with their interests, and the translation between a member's <c>interests</c> map
/// (interest id → true/false) and one choice value per category. Reading them takes one call for the categories and one
/// per category for its interests (Mailchimp has no listing of all interests).
/// </summary>
internal sealed class AudienceGroups
{
    public static readonly AudienceGroups None = new([]);

    private readonly Dictionary<string, InterestCategory> byInterest;

    private AudienceGroups(IReadOnlyList<InterestCategory> categories)
    {
        Categories = categories;
        ByKey = categories.ToDictionary(c => c.Key, StringComparer.Ordinal);
        byInterest = categories.SelectMany(c => c.Interests.Select(i => (i.Id, c))).ToDictionary(p => p.Id, p => p.c, StringComparer.Ordinal);
    }

    public IReadOnlyList<InterestCategory> Categories { get; }

    /// <summary>These groups and one more (as Mailchimp answered its creation).</summary>
    public AudienceGroups Adding(InterestCategory category) => new([.. Categories, category]);

    public IReadOnlyDictionary<string, InterestCategory> ByKey { get; }

    public static async Task<AudienceGroups> LoadAsync(MailchimpClient client, CancellationToken cancellationToken)
    {
        var root = $"lists/{client.AudienceId}/interest-categories";
        var answer = await client.GetAsync(root + "?count=1000&fields=categories.id,categories.title,categories.type,total_items", cancellationToken).ConfigureAwait(false);
        var categories = Json.Items(answer, "categories")
            .Select(c => (Id: Json.Text(c, "id"), Title: Json.Text(c, "title"), Type: Json.Text(c, "type")))
            .Where(c => c.Id is not null)
            .ToList();
        var interests = new IReadOnlyList<ChoiceOption>[categories.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, categories.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MailchimpClient.MaxConnections, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var list = await client.GetAsync($"{root}/{Uri.EscapeDataString(categories[i].Id!)}/interests?count=1000&fields=interests.id,interests.name,total_items", ct).ConfigureAwait(false);
                interests[i] = Json.Items(list, "interests")
                    .Where(x => Json.Text(x, "id") is not null)
                    .Select(x => new ChoiceOption(Json.Text(x, "id")!, Json.Text(x, "name") ?? Json.Text(x, "id")!))
                    .ToList();
            }).ConfigureAwait(false);
        return new AudienceGroups(categories.Select((c, i) => new InterestCategory(c.Id!, c.Title ?? c.Id!, c.Type ?? "checkboxes", interests[i])).ToList());
    }

    /// <summary>True when every interest id in these members' maps is one of these categories'.</summary>
    public bool Covers(IEnumerable<JsonObject> members) =>
        members.All(m => m["interests"] is not JsonObject map || map.All(p => byInterest.ContainsKey(p.Key)));

    /// <summary>The member's groups: per category, the ids of the interests it is in (categories it is in none of are left out).</summary>
    public IEnumerable<(string Key, ScalarValue Value)> Read(JsonObject member)
    {
        if (member["interests"] is not JsonObject map)
        {
            yield break;
        }

        foreach (var category in Categories)
        {
            var chosen = category.Interests.Where(i => map[i.Id] is JsonValue v && v.TryGetValue<bool>(out var on) && on).Select(i => i.Id).ToList();
            var value = chosen.Count == 0 ? null
                : category.Type == FieldType.MultipleChoice ? Values.MultipleChoice(chosen)
                : Values.Create(FieldType.SingleChoice, chosen[0]);
            if (value is not null)
            {
                yield return (category.Key, value);
            }
        }
    }

    /// <summary>
    /// The <c>interests</c> entries that set one category to <paramref name="value"/>: every interest of that category,
    /// true when chosen (by id, or by name), false otherwise; no other category is touched. Throws
    /// <see cref="FormatException"/> with a user's reason for an option the category does not have.
    /// </summary>
    public static IEnumerable<(string Id, bool On)> Write(InterestCategory category, FieldValue? value)
    {
        var given = value switch
        {
            ScalarValue s when s.Type == FieldType.MultipleChoice => Values.Parts(s),
            ScalarValue s => [s.Text],
            _ => [],
        };
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in given)
        {
            var interest = category.Interests.FirstOrDefault(i => i.Id == option)
                ?? category.Interests.FirstOrDefault(i => string.Equals(i.Label, option.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new FormatException($"'{option}' is not a group of the Mailchimp group category '{category.Title}'.");
            chosen.Add(interest.Id);
        }

        return category.Interests.Select(i => (i.Id, chosen.Contains(i.Id)));
    }
}
