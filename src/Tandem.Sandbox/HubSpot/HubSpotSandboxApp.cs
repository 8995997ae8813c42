namespace Tandem.Sandbox.HubSpot;

/// <summary>The HubSpot sandbox as hosts start and connect to it.</summary>
public static class HubSpotSandboxApp
{
    public static SandboxApp Description { get; } = SandboxApp.Of("hubspot", "HubSpot", () => new HubSpotSandbox(), Connect);

    // The values are the private app token's, the simple way (the web app pre-fills them); the demo OAuth app serves
    // app.hubspot.com's consent page and api.hubapi.com's token endpoint on the sandbox's own host.
    private static SandboxConnection Connect(HubSpotSandbox sandbox, Uri url) =>
        new(
        [
            new("accessToken", sandbox.Options.PrivateAppToken),

            // The demo app's client secret: HubSpot signs the app's webhooks with it.
            new("clientSecret", sandbox.Options.OAuthClientSecret),
            new("baseUrl", url.ToString()),
        ])
        {
            OAuth = new SandboxOAuthClient(sandbox.Options.OAuthClientId, sandbox.Options.OAuthClientSecret, new Uri(url, HubSpotOAuth.AuthorizePath.TrimStart('/')), new Uri(url, HubSpotOAuth.TokenPath.TrimStart('/'))),
        };
}
