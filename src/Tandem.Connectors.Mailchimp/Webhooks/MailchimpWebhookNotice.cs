namespace Tandem.Connectors.Mailchimp.Webhooks;

/// <summary>
/// What one Mailchimp list-webhook post says happened. It is a hint to read the change feed now, not the data itself:
/// the feed stays the source of truth (posts can be lost, repeated or out of order). Carries no merge values.
/// </summary>
/// <param name="Type">subscribe, unsubscribe, profile, upemail, cleaned or campaign.</param>
/// <param name="ListId">The audience the event is about.</param>
/// <param name="FiredAt">When Mailchimp fired it (UTC).</param>
/// <param name="Email">The member's address (for upemail, the new one).</param>
public sealed record MailchimpWebhookNotice(string Type, string ListId, DateTimeOffset FiredAt, string? Email)
{
    /// <summary>For upemail: the address before the change.</summary>
    public string? OldEmail { get; init; }

    /// <summary>For unsubscribe: <c>unsub</c>, <c>delete</c> or <c>archive</c>; for cleaned: null.</summary>
    public string? Action { get; init; }

    /// <summary>For unsubscribe and cleaned: Mailchimp's reason (<c>manual</c>, <c>hard</c>, <c>abuse</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>The member left marketing (unsubscribed or cleaned).</summary>
    public bool IsUnsubscribe => Type == "cleaned" || (Type == "unsubscribe" && Action is null or "unsub");

    /// <summary>The member is gone from the audience (archived or permanently deleted).</summary>
    public bool IsDeletion => Type == "unsubscribe" && Action is "delete" or "archive";
}
