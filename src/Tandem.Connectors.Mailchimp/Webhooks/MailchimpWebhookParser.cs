using System.Globalization;

namespace Tandem.Connectors.Mailchimp.Webhooks;

/// <summary>
/// Reads the form fields of a Mailchimp list-webhook POST (<c>type=…&amp;fired_at=…&amp;data[email]=…</c>) into a
/// <see cref="MailchimpWebhookNotice"/>. Mailchimp first checks a webhook URL with a GET, which the endpoint must answer
/// with 200 and nothing else.
/// </summary>
public static class MailchimpWebhookParser
{
    private static readonly string[] Types = ["subscribe", "unsubscribe", "profile", "upemail", "cleaned", "campaign"];

    /// <summary>Parses the posted form fields; throws <see cref="FormatException"/> for a post that is not a Mailchimp event.</summary>
    public static MailchimpWebhookNotice Parse(IEnumerable<KeyValuePair<string, string>> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
        {
            fields.TryAdd(key, value);
        }

        string? Field(string key) => fields.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        var type = Field("type");
        if (type is null || !Types.Contains(type))
        {
            throw new FormatException("The post is not a Mailchimp webhook event: its type is missing or unknown.");
        }

        var listId = Field("data[list_id]") ?? throw new FormatException("The Mailchimp webhook event names no list.");
        if (!DateTimeOffset.TryParseExact(Field("fired_at"), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var firedAt))
        {
            throw new FormatException("The Mailchimp webhook event has no valid fired_at.");
        }

        return new MailchimpWebhookNotice(type, listId, firedAt, type == "upemail" ? Field("data[new_email]") : Field("data[email]"))
        {
            OldEmail = type == "upemail" ? Field("data[old_email]") : null,
            Action = type == "unsubscribe" ? Field("data[action]") : null,
            Reason = type is "unsubscribe" or "cleaned" ? Field("data[reason]") : null,
        };
    }

    /// <summary>Parses a posted body as sent (<c>application/x-www-form-urlencoded</c>).</summary>
    public static MailchimpWebhookNotice Parse(string formBody)
    {
        ArgumentNullException.ThrowIfNull(formBody);
        return Parse(formBody.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            return KeyValuePair.Create(Decode(key), Decode(value));
        }));
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
