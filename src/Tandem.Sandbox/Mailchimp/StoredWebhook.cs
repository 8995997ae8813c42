namespace Tandem.Sandbox.Mailchimp;

/// <summary>A list webhook: where to post (the URL as given), for which events and which sources of change.</summary>
internal sealed record StoredWebhook(string Id, Uri Url, string Address, IReadOnlySet<string> Events, IReadOnlySet<string> Sources)
{
    /// <summary>Set when the endpoint answered 410 Gone: nothing is posted to it any more (the web app shows it disabled).</summary>
    public bool Disabled { get; set; }
}
