namespace Tandem.Sandbox.Pipedrive;

/// <summary>The Pipedrive sandbox as hosts start and connect to it.</summary>
public static class PipedriveSandboxApp
{
    public static SandboxApp Description { get; } = SandboxApp.Of("pipedrive", "Pipedrive", () => new PipedriveSandbox(), Connect);

    // The values are the API token's, the simple way (the web app pre-fills them); the demo OAuth client serves
    // oauth.pipedrive.com's paths on the sandbox's own host for the consent page.
    private static SandboxConnection Connect(PipedriveSandbox sandbox, Uri url) =>
        new(
        [
            new("apiToken", sandbox.Options.ApiToken),
            new("baseUrl", url.ToString()),
        ])
        {
            OAuth = new SandboxOAuthClient(sandbox.Options.OAuthClientId, sandbox.Options.OAuthClientSecret, new Uri(url, PipedriveOAuth.AuthorizePath.TrimStart('/')), new Uri(url, PipedriveOAuth.TokenPath.TrimStart('/'))),
        };
}
