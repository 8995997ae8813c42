namespace Tandem.Sandbox.GoogleContacts;

/// <summary>The Google Contacts sandbox as hosts start and connect to it.</summary>
public static class GoogleContactsSandboxApp
{
    public static SandboxApp Description { get; } = SandboxApp.Of("google-contacts", "Google Contacts", () => new GoogleContactsSandbox(), Connect);

    // Google's paths on the sandbox's own host: the consent page (its v2 path), the token endpoint, the People API at the root.
    private static SandboxConnection Connect(GoogleContactsSandbox sandbox, Uri url)
    {
        var authorize = new Uri(url, GoogleOAuth.AuthorizePaths[^1].TrimStart('/'));
        var token = new Uri(url, GoogleOAuth.TokenPath.TrimStart('/'));
        return new(
            [
                new("clientId", sandbox.Options.ClientId),
                new("clientSecret", sandbox.Options.ClientSecret),
                new("refreshToken", sandbox.Options.DemoRefreshToken),
                new("baseUrl", url.ToString()),
                new("tokenUrl", token.ToString()),
                new("authorizeUrl", authorize.ToString()),
            ])
        {
            OAuth = new SandboxOAuthClient(sandbox.Options.ClientId, sandbox.Options.ClientSecret, authorize, token),
        };
    }
}
