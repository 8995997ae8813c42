namespace Tandem.Sandbox.Mailchimp;

/// <summary>How the Mailchimp sandbox behaves: its API key, OAuth client, connection limit, seed data.</summary>
public sealed record MailchimpSandboxOptions
{
    /// <summary>The one API key the sandbox accepts (HTTP Basic, any user name); its suffix names the data centre.</summary>
    public string ApiKey { get; init; } = "5a3d9c0e7b1f4a2c8d6e0f1a2b3c4d5e-us21";

    /// <summary>The registered OAuth app's client id.</summary>
    public string OAuthClientId { get; init; } = "sandbox-mailchimp-client";

    /// <summary>The registered OAuth app's client secret.</summary>
    public string OAuthClientSecret { get; init; } = "sandbox-mailchimp-client-secret";

    /// <summary>
    /// The OAuth app's registered redirect URIs, the only places <c>/oauth2/authorize</c> sends a code (on 127.0.0.1 any
    /// port, RFC 8252). Tandem's own callback by default.
    /// </summary>
    public IReadOnlyList<Uri> RedirectUris { get; init; } = [new("http://127.0.0.1/accounts/oauth/callback")];

    /// <summary>An OAuth access token that works from the start (Mailchimp's tokens never expire).</summary>
    public string DemoAccessToken { get; init; } = "sandbox-mailchimp-access-token";

    /// <summary>Simultaneous API requests per account before 429 (Mailchimp: 10); 0 for no limit.</summary>
    public int MaxConnections { get; init; } = 10;

    /// <summary>Merge fields an audience may have (Mailchimp: 30 on most plans, 80 on Premium).</summary>
    public int MaxMergeFields { get; init; } = 30;

    /// <summary>Demo members of the first audience (deterministic for a given seed); the second gets a fifth of that.</summary>
    public int SeedMembers { get; init; } = 300;

    public int Seed { get; init; } = 20260101;

    /// <summary>The data centre, the part of <see cref="ApiKey"/> after its last dash ("us21").</summary>
    public string DataCenter => ApiKey[(ApiKey.LastIndexOf('-') + 1)..];
}
