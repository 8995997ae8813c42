using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tandem.Sandbox.Kit.Routing;

namespace Tandem.Sandbox.Kit.OAuth;

/// <summary>
/// The one OAuth 2.0 authorisation server of every sandbox, on the vendor's paths (<see cref="Map"/>). The consent page
/// (<c>GET</c> only) approves at once for the demo user and redirects with <c>code</c> and <c>state</c>, but only to a
/// redirect URI the client registered: anything else is a 400 page, never a redirect. The token endpoint (<c>POST</c>,
/// form body) authenticates the client the vendor's way and exchanges one-time codes (bound to their redirect URI) and
/// refresh tokens for access tokens that expire on the sandbox's clock.
/// </summary>
internal sealed class AuthorizationServer
{
    private readonly AuthorizationServerDescription description;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> codes = new(StringComparer.Ordinal);
    private long issued;

    public AuthorizationServer(AuthorizationServerDescription description, TimeProvider time)
    {
        this.description = description;
        this.time = time;
        foreach (var token in description.DemoRefreshTokens)
        {
            refreshTokens[token] = 0;
        }

        foreach (var token in description.DemoAccessTokens)
        {
            accessTokens[token] = DateTimeOffset.MaxValue;
        }
    }

    /// <summary>Maps the consent page on each of <paramref name="authorizePaths"/> and the token endpoint on <paramref name="tokenPath"/>.</summary>
    public void Map(IEndpointRouteBuilder routes, IEnumerable<string> authorizePaths, string tokenPath)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(authorizePaths);
        foreach (var path in authorizePaths)
        {
            // Mapped for every method so that anything but GET is told so (405), not sent on to a catch-all.
            routes.Map(path, (HttpContext context) => HttpMethods.IsGet(context.Request.Method) ? Authorize(context) : NotGet(context));
        }

        // As a Func, not a RequestDelegate: the IResult it returns must be executed, not dropped.
        routes.Map(tokenPath, (Func<HttpContext, Task<IResult>>)TokenAsync);
    }

    /// <summary>True when the request carries a bearer token this server issued and that has not expired.</summary>
    public bool IsAuthorized(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            && header.Parameter is { } token
            && IsValidAccessToken(token);
    }

    /// <summary>True when <paramref name="token"/> is an access token this server issued and that has not expired.</summary>
    public bool IsValidAccessToken(string token) => accessTokens.TryGetValue(token, out var expires) && expires > time.GetUtcNow();

    /// <summary>Revokes every access token (refresh tokens keep working), as if the vendor expired them all early.</summary>
    public void RevokeAccessTokens() => accessTokens.Clear();

    private static IResult NotGet(HttpContext context)
    {
        context.Response.Headers.Allow = "GET";
        return Results.Text("The consent page is opened with GET only.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status405MethodNotAllowed);
    }

    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        if ((description.RequiresResponseType && query["response_type"].FirstOrDefault() != "code") || query["client_id"].FirstOrDefault() != description.ClientId)
        {
            return description.UnknownClientText.Length == 0
                ? Results.BadRequest()
                : Results.Text(description.UnknownClientText, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var given = query["redirect_uri"].FirstOrDefault();
        if (!RegisteredRedirect.IsRegistered(description.RedirectUris, given))
        {
            return Results.Text(
                "redirect_uri_mismatch: the redirect_uri is not one this OAuth client registered.",
                "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var redirect = new Uri(given!);
        var code = description.CodePrefix + Next();
        codes[code] = redirect.ToString();
        var state = query["state"].FirstOrDefault();
        var target = redirect + (string.IsNullOrEmpty(redirect.Query) ? "?" : "&") + "code=" + Uri.EscapeDataString(code)
            + (description.ScopeInRedirect && description.Scope is { } scope ? "&scope=" + Uri.EscapeDataString(scope) : string.Empty)
            + (state is null ? string.Empty : "&state=" + Uri.EscapeDataString(state));
        return Results.Redirect(target);
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
        {
            return Refuse(400, "invalid_request", "Send a POST with an application/x-www-form-urlencoded body.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var (clientId, clientSecret) = ClientCredentials.Read(context.Request, form, description.ClientAuthentication);
        if (clientId != description.ClientId || clientSecret != description.ClientSecret)
        {
            return Refuse(401, "invalid_client", "Invalid client credentials");
        }

        var grant = form["grant_type"].ToString();
        switch (grant)
        {
            case "authorization_code" when codes.TryRemove(form["code"].ToString(), out var redirect) && redirect == form["redirect_uri"].ToString():
                string? refresh = null;
                if (description.IssuesRefreshTokens)
                {
                    refresh = description.RefreshTokenPrefix + Next();
                    refreshTokens[refresh] = 0;
                }

                return Issue(context, refresh);
            case "refresh_token" when description.IssuesRefreshTokens && refreshTokens.ContainsKey(form["refresh_token"].ToString()):
                return Issue(context, description.RepeatsRefreshToken ? form["refresh_token"].ToString() : null);
            case "authorization_code":
            case "refresh_token" when description.IssuesRefreshTokens:
                return Refuse(400, "invalid_grant", "Invalid grant");
            default:
                return Refuse(400, "unsupported_grant_type", "Unsupported grant_type");
        }
    }

    private JsonAnswer Issue(HttpContext context, string? refreshToken)
    {
        var token = description.AccessTokenPrefix + Next();
        accessTokens[token] = description.AccessTokenLifetime is { } lifetime ? time.GetUtcNow() + lifetime : DateTimeOffset.MaxValue;
        var body = new JsonObject
        {
            ["access_token"] = token,
            ["expires_in"] = (long)(description.AccessTokenLifetime ?? TimeSpan.Zero).TotalSeconds,
        };
        if (description.AnswersScope)
        {
            body["scope"] = description.Scope;
        }

        if (description.TokenType is { } type)
        {
            body["token_type"] = type;
        }

        if (refreshToken is not null)
        {
            body["refresh_token"] = refreshToken;
        }

        foreach (var (name, value) in description.TokenAnswerExtras?.Invoke(context) ?? [])
        {
            body[name] = value?.DeepClone();
        }

        return new JsonAnswer(200, body, description.ContentType);
    }

    private JsonAnswer Refuse(int status, string error, string fallback) => new(status, new JsonObject
    {
        ["error"] = error,
        ["error_description"] = description.ErrorDescriptions.GetValueOrDefault(error, fallback),
    }, description.ContentType);

    private string Next() => Interlocked.Increment(ref issued).ToString(CultureInfo.InvariantCulture);
}
