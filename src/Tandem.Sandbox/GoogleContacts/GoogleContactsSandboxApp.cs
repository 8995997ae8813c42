namespace Tandem.Sandbox.GoogleContacts;

/// <summary>The Google Contacts sandbox as hosts start and connect to it.</summary>
public static class GoogleContactsSandboxApp
{
    public static SandboxApp Description { get; } = SandboxApp.Of("google-contacts", "Google Contacts", () => new GoogleContactsSandbox(), Connect);

    // Google's paths on the sandbox's own host: the consent page, the token endpoint, the People API at the root.
    private static SandboxConnection Connect(GoogleContactsSandbox sandbox, Uri url) =>
        new(
        [
            new("clientId", sandbox.Options.ClientId),
            new("clientSecret", sandbox.Options.ClientSecret),
            new("refreshToken", sandbox.Options.DemoRefreshToken),
            new("baseUrl", url.ToString()),
            new("tokenUrl", new Uri(url, "token").ToString()),
            new("authorizeUrl", new Uri(url, "o/oauth2/v2/auth").ToString()),
        ])
        {
            OAuth = new SandboxOAuthClient(sandbox.Options.ClientId, sandbox.Options.ClientSecret, new Uri(url, "o/oauth2/v2/auth"), new Uri(url, "token")),
        };
}
