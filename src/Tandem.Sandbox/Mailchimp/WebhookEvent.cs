namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// One event for list webhooks: its <c>type</c> (subscribe, unsubscribe, profile, upemail, cleaned), the source of the
/// change (user, admin, api) and the <c>data[…]</c> form fields.
/// </summary>
internal sealed record WebhookEvent(string ListId, string Type, string Source, DateTimeOffset FiredAt, IReadOnlyList<KeyValuePair<string, string>> Data);
