namespace Tandem.Sandbox.Mailchimp;

/// <summary>A list webhook: where to post, for which events and which sources of change.</summary>
internal sealed record StoredWebhook(string Id, Uri Url, IReadOnlySet<string> Events, IReadOnlySet<string> Sources);
