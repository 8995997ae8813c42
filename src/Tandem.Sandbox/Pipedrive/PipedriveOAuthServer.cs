using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Pipedrive;

/// <summary>
/// Pipedrive's OAuth 2.0 endpoints (on <c>oauth.pipedrive.com</c> in real life, on the sandbox's own host here):
/// <c>GET /oauth/authorize</c> approves at once for the demo company and redirects with <c>code</c> and <c>state</c>;
/// <c>POST /oauth/token</c> (client credentials as HTTP Basic) exchanges codes and refresh tokens for bearer tokens
/// that expire, answering the company's <c>api_domain</c> (the sandbox itself).
/// </summary>
internal sealed class PipedriveOAuthServer
{
    private const string Scope = "base,contacts:full,contact-fields:full,users:read,search:read";

    private readonly PipedriveSandboxOptions options;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> codes = new(StringComparer.Ordinal);
    private long issued;

    public PipedriveOAuthServer(PipedriveSandboxOptions options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
        refreshTokens[options.DemoRefreshToken] = 0;
    }

    /// <summary>True when the request carries a bearer token this server issued and that has not expired.</summary>
    public bool IsAuthorized(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
        && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
        && header.Parameter is { } token
        && accessTokens.TryGetValue(token, out var expires)
        && expires > time.GetUtcNow();

    /// <summary>Revokes every access token (refresh tokens keep working), as if they all expired early.</summary>
    public void RevokeAccessTokens() => accessTokens.Clear();

    public async Task HandleAsync(HttpContext context, string route)
    {
        switch (route)
        {
            case "authorize" when HttpMethods.IsGet(context.Request.Method):
                await AuthorizeAsync(context).ConfigureAwait(false);
                return;
            case "token" when HttpMethods.IsPost(context.Request.Method):
                await TokenAsync(context).ConfigureAwait(false);
                return;
            default:
                context.Response.StatusCode = 404;
                return;
        }
    }

    private Task AuthorizeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["client_id"].FirstOrDefault() != options.OAuthClientId || !Uri.TryCreate(query["redirect_uri"].FirstOrDefault(), UriKind.Absolute, out var redirect))
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("invalid_client: the OAuth client was not found or the redirect_uri is not valid.", context.RequestAborted);
        }

        var code = "sandbox-code-" + Next();
        codes[code] = redirect.ToString();
        var state = query["state"].FirstOrDefault();
        var separator = string.IsNullOrEmpty(redirect.Query) ? "?" : "&";
        context.Response.Redirect(redirect + separator + "code=" + Uri.EscapeDataString(code) + (state is null ? string.Empty : "&state=" + Uri.EscapeDataString(state)));
        return Task.CompletedTask;
    }

    private async Task TokenAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await Refuse(context, 400, "invalid_request", "Request body must be application/x-www-form-urlencoded").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var (clientId, clientSecret) = BasicCredentials(context.Request);
        if (clientId != options.OAuthClientId || clientSecret != options.OAuthClientSecret)
        {
            await Refuse(context, 401, "invalid_client", "Invalid client credentials").ConfigureAwait(false);
            return;
        }

        switch (form["grant_type"].ToString())
        {
            case "authorization_code" when codes.TryRemove(form["code"].ToString(), out var redirect) && redirect == form["redirect_uri"].ToString():
                var refresh = "sandbox-refresh-" + Next();
                refreshTokens[refresh] = 0;
                await Issue(context, refresh).ConfigureAwait(false);
                break;
            case "refresh_token" when refreshTokens.ContainsKey(form["refresh_token"].ToString()):
                // Pipedrive answers the refresh token again with every refresh.
                await Issue(context, form["refresh_token"].ToString()).ConfigureAwait(false);
                break;
            case "authorization_code" or "refresh_token":
                await Refuse(context, 400, "invalid_grant", "Invalid grant").ConfigureAwait(false);
                break;
            default:
                await Refuse(context, 400, "unsupported_grant_type", "Unsupported grant_type").ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Pipedrive takes the client credentials as HTTP Basic only.</summary>
    private static (string? Id, string? Secret) BasicCredentials(HttpRequest request)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } encoded)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded)).Split(':', 2);
                return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) : (null, null);
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (null, null);
    }

    private static async Task Refuse(HttpContext context, int status, string error, string description) =>
        await WriteAsync(context, status, new JsonObject { ["error"] = error, ["error_description"] = description }).ConfigureAwait(false);

    private Task Issue(HttpContext context, string refreshToken)
    {
        var token = "sandbox-access-" + Next();
        accessTokens[token] = time.GetUtcNow() + options.AccessTokenLifetime;
        return WriteAsync(context, 200, new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["refresh_token"] = refreshToken,
            ["expires_in"] = (long)options.AccessTokenLifetime.TotalSeconds,
            ["scope"] = Scope,
            ["api_domain"] = context.Request.Scheme + "://" + context.Request.Host,
        });
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private string Next() => Interlocked.Increment(ref issued).ToString(CultureInfo.InvariantCulture);
}
