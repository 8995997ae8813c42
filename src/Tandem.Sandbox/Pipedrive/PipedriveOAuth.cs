using System.Text.Json.Nodes;
using Tandem.Sandbox.Kit.OAuth;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// Pipedrive's OAuth 2.0 server (on <c>oauth.pipedrive.com</c> in real life, on the sandbox's own host here): client
/// credentials as HTTP Basic only, refresh tokens answered again with every refresh, and <c>api_domain</c> (the
/// company's API host, the sandbox itself) in every token answer.
/// </summary>
internal static class PipedriveOAuth
{
    public const string AuthorizePath = "/oauth/authorize";

    public const string TokenPath = "/oauth/token";

    public static AuthorizationServerDescription Describe(PipedriveSandboxOptions options) => new()
    {
        ClientId = options.OAuthClientId,
        ClientSecret = options.OAuthClientSecret,
        RedirectUris = options.RedirectUris,
        ClientAuthentication = ClientAuthentication.Basic,
        AccessTokenLifetime = options.AccessTokenLifetime,
        RepeatsRefreshToken = true,
        Scope = "base,contacts:full,contact-fields:full,users:read,search:read",
        UnknownClientText = "invalid_client: the OAuth client was not found or the redirect_uri is not valid.",
        CodePrefix = "sandbox-code-",
        AccessTokenPrefix = "sandbox-access-",
        RefreshTokenPrefix = "sandbox-refresh-",
        DemoRefreshTokens = [options.DemoRefreshToken],
        TokenAnswerExtras = context => new JsonObject { ["api_domain"] = context.Request.Scheme + "://" + context.Request.Host },
        ErrorDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["invalid_request"] = "Request body must be application/x-www-form-urlencoded",
            ["invalid_client"] = "Invalid client credentials",
            ["invalid_grant"] = "Invalid grant",
            ["unsupported_grant_type"] = "Unsupported grant_type",
        },
    };
}
