using System.Globalization;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>Builds the <c>data[…]</c> fields of a webhook post for a member event.</summary>
internal static class WebhookData
{
    public static WebhookEvent For(string type, string source, StoredAudience audience, StoredMember member, DateTimeOffset at, string? action = null)
    {
        var data = new List<KeyValuePair<string, string>>();
        // Keys are bracketed under data: "merges][FNAME" becomes data[merges][FNAME].
        void Add(string key, string value) => data.Add(new KeyValuePair<string, string>("data[" + key + "]", value));
        Add("id", member.UniqueEmailId);
        Add("list_id", audience.Id);
        Add("email", member.Email);
        Add("email_type", member.EmailType);
        Add("web_id", member.WebId.ToString(CultureInfo.InvariantCulture));
        if (type == "unsubscribe")
        {
            Add("action", action ?? "unsub");
            Add("reason", "manual");
            Add("campaign_id", string.Empty);
        }

        if (type == "cleaned")
        {
            Add("campaign_id", string.Empty);
            Add("reason", "hard");
        }

        Add("merges][EMAIL", member.Email);
        foreach (var field in audience.MergeFields)
        {
            if (member.Merges.GetValueOrDefault(field.Tag) is not { } value)
            {
                continue;
            }

            if (value is System.Text.Json.Nodes.JsonObject address)
            {
                foreach (var (part, text) in address)
                {
                    Add($"merges][{field.Tag}][{part}", text is null ? string.Empty : MergeValues.FormText(text));
                }
            }
            else
            {
                Add($"merges][{field.Tag}", MergeValues.FormText(value));
            }
        }

        // Groups, as Mailchimp posts them: every chosen interest's name in INTERESTS, and one GROUPINGS entry per category.
        var chosen = audience.AllInterests.Where(i => member.Interests.Contains(i.Id)).Select(i => i.Name).ToList();
        if (audience.InterestCategories.Count > 0)
        {
            Add("merges][INTERESTS", string.Join(", ", chosen));
        }

        for (var i = 0; i < audience.InterestCategories.Count; i++)
        {
            var category = audience.InterestCategories[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"merges][GROUPINGS][{i}]");
            Add(prefix + "[unique_id", category.Id);
            Add(prefix + "[name", category.Title);
            Add(prefix + "[groups", string.Join(", ", category.Interests.Where(x => member.Interests.Contains(x.Id)).Select(x => x.Name)));
        }

        return new WebhookEvent(audience.Id, type, source, at, data);
    }

    /// <summary>The <c>upemail</c> event: an address changed, so the member's id (its hash) changed too.</summary>
    public static WebhookEvent EmailChanged(string source, StoredAudience audience, string oldEmail, StoredMember member, DateTimeOffset at) =>
        new(audience.Id, "upemail", source, at,
        [
            new("data[list_id]", audience.Id),
            new("data[new_id]", member.UniqueEmailId),
            new("data[new_email]", member.Email),
            new("data[old_email]", oldEmail),
        ]);
}
