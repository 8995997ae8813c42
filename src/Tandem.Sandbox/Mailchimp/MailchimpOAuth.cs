using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.OAuth;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// Mailchimp's OAuth 2 server (on <c>login.mailchimp.com</c> in real life, on the sandbox's own host here): the consent
/// page wants <c>response_type=code</c>, the token endpoint takes the client credentials in the form body and answers an
/// access token that never expires (<c>expires_in: 0</c>, <c>scope: null</c>, no refresh token), and
/// <c>GET /oauth2/metadata</c> (header <c>Authorization: OAuth &lt;token&gt;</c>) names the account's data centre and API endpoint.
/// </summary>
internal static class MailchimpOAuth
{
    public const string AuthorizePath = "/oauth2/authorize";

    public const string TokenPath = "/oauth2/token";

    public static AuthorizationServerDescription Describe(MailchimpSandboxOptions options) => new()
    {
        ClientId = options.OAuthClientId,
        ClientSecret = options.OAuthClientSecret,
        RedirectUris = options.RedirectUris,
        ClientAuthentication = ClientAuthentication.FormBody,
        AccessTokenLifetime = null,
        IssuesRefreshTokens = false,
        Scope = null,
        TokenType = null,
        RequiresResponseType = true,
        CodePrefix = "code-",
        AccessTokenPrefix = "token-",
        DemoAccessTokens = [options.DemoAccessToken],
        ErrorDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["invalid_client"] = "Invalid client credentials",
            ["invalid_grant"] = "Invalid authorization code",
        },
    };

    /// <summary>Maps the consent page, the token endpoint and <c>/oauth2/metadata</c>; any other <c>/oauth2/</c> path is a bare 404.</summary>
    public static void Map(IEndpointRouteBuilder routes, AuthorizationServer server, MailchimpSandboxOptions options)
    {
        server.Map(routes, [AuthorizePath], TokenPath);
        routes.MapGet("/oauth2/metadata", (HttpContext context) => Metadata(context, server, options));
        routes.Map("/oauth2/{**rest}", () => Results.NotFound());
    }

    private static JsonAnswer Metadata(HttpContext context, AuthorizationServer server, MailchimpSandboxOptions options)
    {
        var header = context.Request.Headers.Authorization.FirstOrDefault() ?? string.Empty;
        var token = header.StartsWith("OAuth ", StringComparison.Ordinal) ? header["OAuth ".Length..] : null;
        if (token is null || !server.IsValidAccessToken(token))
        {
            return new JsonAnswer(401, new JsonObject { ["error"] = "invalid_token", ["error_description"] = "Invalid access token" }, "application/json");
        }

        var endpoint = context.Request.Scheme + "://" + context.Request.Host;
        return new JsonAnswer(200, new JsonObject
        {
            ["dc"] = options.DataCenter,
            ["role"] = "owner",
            ["accountname"] = "Tandem Sandbox",
            ["login_url"] = endpoint,
            ["api_endpoint"] = endpoint,
        }, "application/json");
    }
}
