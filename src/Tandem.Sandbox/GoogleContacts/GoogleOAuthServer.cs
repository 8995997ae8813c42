using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.GoogleContacts;

/// <summary>
/// Google's OAuth 2.0 endpoints, simulated: the consent page approves at once for the demo user and redirects
/// with a code; <c>/token</c> exchanges codes and refresh tokens for bearer tokens that expire.
/// </summary>
internal sealed class GoogleOAuthServer
{
    private readonly GoogleSandboxOptions options;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> codes = new(StringComparer.Ordinal);
    private long issued;

    public GoogleOAuthServer(GoogleSandboxOptions options, TimeProvider time)
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

    public Task AuthorizeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["client_id"] != options.ClientId || !Uri.TryCreate(query["redirect_uri"], UriKind.Absolute, out var redirect))
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("Error 401: invalid_client. The OAuth client was not found.", context.RequestAborted);
        }

        var code = "4/sandbox-code-" + Next();
        codes[code] = redirect.ToString();
        var target = redirect + (redirect.Query.Length > 0 ? "&" : "?") + "code=" + Uri.EscapeDataString(code)
            + "&scope=" + Uri.EscapeDataString("https://www.googleapis.com/auth/contacts")
            + (query.TryGetValue("state", out var state) ? "&state=" + Uri.EscapeDataString(state.ToString()) : string.Empty);
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    public async Task TokenAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
        {
            await Refuse(context, 400, "invalid_request", "Bad Request").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var (clientId, clientSecret) = ClientCredentials(context.Request, form);
        if (clientId != options.ClientId || clientSecret != options.ClientSecret)
        {
            await Refuse(context, 401, "invalid_client", "Unauthorized").ConfigureAwait(false);
            return;
        }

        switch (form["grant_type"].ToString())
        {
            case "authorization_code" when codes.TryRemove(form["code"].ToString(), out var redirect) && redirect == form["redirect_uri"].ToString():
                var refresh = "1//sandbox-refresh-" + Next();
                refreshTokens[refresh] = 0;
                await Issue(context, refresh).ConfigureAwait(false);
                break;
            case "refresh_token" when refreshTokens.ContainsKey(form["refresh_token"].ToString()):
                await Issue(context, refreshToken: null).ConfigureAwait(false);
                break;
            case "authorization_code" or "refresh_token":
                await Refuse(context, 400, "invalid_grant", "Bad Request").ConfigureAwait(false);
                break;
            default:
                await Refuse(context, 400, "unsupported_grant_type", "Invalid grant_type").ConfigureAwait(false);
                break;
        }
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
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

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    private static Task Refuse(HttpContext context, int status, string error, string description) =>
        GoogleErrors.WriteJsonAsync(context, status, new JsonObject { ["error"] = error, ["error_description"] = description });

    private Task Issue(HttpContext context, string? refreshToken)
    {
        var token = "ya29.sandbox-" + Next();
        accessTokens[token] = time.GetUtcNow() + options.AccessTokenLifetime;
        var body = new JsonObject
        {
            ["access_token"] = token,
            ["expires_in"] = (long)options.AccessTokenLifetime.TotalSeconds,
            ["scope"] = "https://www.googleapis.com/auth/contacts",
            ["token_type"] = "Bearer",
        };
        if (refreshToken is not null)
        {
            body["refresh_token"] = refreshToken;
        }

        return GoogleErrors.WriteJsonAsync(context, 200, body);
    }

    private string Next() => Interlocked.Increment(ref issued).ToString(CultureInfo.InvariantCulture);
}
