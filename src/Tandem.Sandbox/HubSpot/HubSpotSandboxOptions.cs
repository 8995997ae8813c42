namespace Tandem.Sandbox.HubSpot;

/// <summary>How the HubSpot sandbox behaves: its private app token and OAuth app, limits, seed data.</summary>
public sealed record HubSpotSandboxOptions
{
    /// <summary>The private app's access token the sandbox accepts (<c>Authorization: Bearer pat-…</c>).</summary>
    public string PrivateAppToken { get; init; } = "pat-na1-sandbox-0000-hubspot-private-app";

    /// <summary>The demo public app's client id (<c>/oauth/authorize</c>, <c>/oauth/v1/token</c>).</summary>
    public string OAuthClientId { get; init; } = "sandbox-hubspot-client-id";

    /// <summary>The demo public app's client secret; also the key of its webhook signatures (v3).</summary>
    public string OAuthClientSecret { get; init; } = "sandbox-hubspot-client-secret";

    /// <summary>The demo app's registered redirect URIs (on 127.0.0.1 any port, RFC 8252). Tandem's own callback by default.</summary>
    public IReadOnlyList<Uri> RedirectUris { get; init; } = [new("http://127.0.0.1/accounts/oauth/callback")];

    /// <summary>A refresh token the sandbox accepts from the start, as if the demo portal had installed the app.</summary>
    public string DemoRefreshToken { get; init; } = "sandbox-hubspot-refresh-token";

    /// <summary>How long an OAuth access token works (HubSpot: 30 minutes, <c>expires_in: 1800</c>).</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Requests per rolling 10 seconds (HubSpot Professional private apps: 190); 0 for none.</summary>
    public int BurstLimit { get; init; } = 190;

    /// <summary>Requests per day, midnight to midnight in the portal's zone (UTC here) (Professional: 650,000); 0 for none.</summary>
    public int DailyLimit { get; init; } = 650_000;

    /// <summary>Search requests per second, a limit of its own (HubSpot: 5); 0 for none.</summary>
    public int SearchPerSecond { get; init; } = 5;

    /// <summary>The most results one search query pages through (HubSpot: 10,000); tests lower it.</summary>
    public int SearchResultCap { get; init; } = 10_000;

    /// <summary>The portal (hub) id, named in webhook deliveries.</summary>
    public long PortalId { get; init; } = 62_515;

    /// <summary>Demo contacts created at start (deterministic for a given seed).</summary>
    public int SeedContacts { get; init; } = 300;

    public int Seed { get; init; } = 20260101;

    /// <summary>The demo app's id (<c>/webhooks/v3/{appId}/…</c>, and <c>appId</c> in every webhook event).</summary>
    public long AppId { get; init; } = 1_160_452;

    /// <summary>The developer account's API key, which the webhook settings API takes as <c>hapikey</c>.</summary>
    public string DeveloperApiKey { get; init; } = "sandbox-hubspot-developer-api-key";
}
