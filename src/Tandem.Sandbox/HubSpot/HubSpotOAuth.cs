using System.Text.Json.Nodes;
using Tandem.Sandbox.Kit.OAuth;

namespace Tandem.Sandbox.HubSpot;

/// <summary>
/// HubSpot's OAuth 2.0 (app.hubspot.com's consent page and <c>api.hubapi.com/oauth/v1/token</c> in real life, the
/// sandbox's own host here; <c>oauth.v1.json</c>): client credentials in the form body, 30-minute access tokens, the
/// refresh token answered again with every refresh, and the answer's <c>token_use</c>, <c>hub_id</c> and <c>scopes</c>.
/// </summary>
internal static class HubSpotOAuth
{
    public const string AuthorizePath = "/oauth/authorize";

    public const string TokenPath = "/oauth/v1/token";

    /// <summary>The scopes Tandem asks for: contacts, their properties (schemas) and communication preferences.</summary>
    public const string Scopes = "oauth crm.objects.contacts.read crm.objects.contacts.write crm.schemas.contacts.read crm.schemas.contacts.write crm.lists.read crm.lists.write crm.objects.owners.read communication_preferences.read_write";

    public static AuthorizationServerDescription Describe(HubSpotSandboxOptions options) => new()
    {
        ClientId = options.OAuthClientId,
        ClientSecret = options.OAuthClientSecret,
        RedirectUris = options.RedirectUris,
        ClientAuthentication = ClientAuthentication.FormBody,
        AccessTokenLifetime = options.AccessTokenLifetime,
        RepeatsRefreshToken = true,
        Scope = Scopes,
        AnswersScope = false,
        TokenType = "bearer",
        TokenAnswerExtras = _ => new JsonObject
        {
            ["token_use"] = "access_token",
            ["hub_id"] = (int)options.PortalId,
            ["scopes"] = new JsonArray([.. Scopes.Split(' ').Select(s => (JsonNode)s)]),
        },
        UnknownClientText = "Couldn't complete the connection: the app's client ID is not valid.",
        CodePrefix = "sandbox-hubspot-code-",
        AccessTokenPrefix = "sandbox-hubspot-access-",
        RefreshTokenPrefix = "sandbox-hubspot-refresh-",
        DemoRefreshTokens = [options.DemoRefreshToken],
        ContentType = HubSpotErrors.ContentType,
        ErrorDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["invalid_request"] = "missing or unknown grant type",
            ["invalid_client"] = "missing or invalid client id",
            ["invalid_grant"] = "missing or invalid refresh token",
            ["unsupported_grant_type"] = "unsupported grant type",
        },
    };
}
