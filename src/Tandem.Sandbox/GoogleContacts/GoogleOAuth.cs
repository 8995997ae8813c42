using Tandem.Sandbox.Kit.OAuth;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// Google's OAuth 2.0 server on the sandbox's host: the consent page on both of Google's paths, <c>/token</c> taking the
/// client credentials in the form body or as HTTP Basic, refresh answers without a new refresh token, and the granted
/// scope named in the redirect too.
/// </summary>
internal static class GoogleOAuth
{
    public static readonly string[] AuthorizePaths = ["/o/oauth2/auth", "/o/oauth2/v2/auth"];

    public const string TokenPath = "/token";

    public static AuthorizationServerDescription Describe(GoogleSandboxOptions options) => new()
    {
        ClientId = options.ClientId,
        ClientSecret = options.ClientSecret,
        RedirectUris = options.RedirectUris,
        ClientAuthentication = ClientAuthentication.BasicOrFormBody,
        AccessTokenLifetime = options.AccessTokenLifetime,
        Scope = "https://www.googleapis.com/auth/contacts",
        ScopeInRedirect = true,
        UnknownClientText = "Error 401: invalid_client. The OAuth client was not found.",
        CodePrefix = "4/sandbox-code-",
        AccessTokenPrefix = "ya29.sandbox-",
        RefreshTokenPrefix = "1//sandbox-refresh-",
        DemoRefreshTokens = [options.DemoRefreshToken],
        ContentType = GoogleErrors.ContentType,
        ErrorDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["invalid_request"] = "Bad Request",
            ["invalid_client"] = "Unauthorized",
            ["invalid_grant"] = "Bad Request",
            ["unsupported_grant_type"] = "Invalid grant_type",
        },
    };
}
