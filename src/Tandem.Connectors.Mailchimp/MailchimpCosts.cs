using Tandem.Connectors.Cost;

namespace Tandem.Connectors.Mailchimp;

/// <summary>
/// Mailchimp counts requests (10 simultaneous per user, no published daily budget). A quiet poll reads the members
/// changed since the cursor and the archived ones; its webhooks push subscribes, profile and email changes, so with
/// them registered polling is a 15-minute safety net for what they do not announce (tags, merge fields set by the API).
/// </summary>
public static class MailchimpCosts
{
    public static CostModel Model { get; } = new()
    {
        Unit = "requests",
        QuietPollCost = 2,
        SchemaReadCost = 2,
        PollInterval = TimeSpan.FromMinutes(1),
        SafetyNetInterval = TimeSpan.FromMinutes(15),
    };
}
