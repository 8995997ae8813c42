using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>
/// Mailchimp's OAuth 2 endpoints (on <c>login.mailchimp.com</c> in real life, on the sandbox's own host here):
/// <c>GET /oauth2/authorize</c> approves at once and redirects with <c>code</c> and <c>state</c>; <c>POST /oauth2/token</c>
/// exchanges the code for an access token that never expires; <c>GET /oauth2/metadata</c> (header
/// <c>Authorization: OAuth &lt;token&gt;</c>) names the account's data centre and API endpoint.
/// </summary>
internal sealed class MailchimpOAuthServer
{
    private readonly MailchimpSandboxOptions options;
    private readonly ConcurrentDictionary<string, string> codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> tokens = new(StringComparer.Ordinal);
    private int issued;

    public MailchimpOAuthServer(MailchimpSandboxOptions options)
    {
        this.options = options;
        tokens[options.DemoAccessToken] = true;
    }

    public bool IsValidToken(string token) => tokens.ContainsKey(token);

    public async Task HandleAsync(HttpContext context, string route)
    {
        var request = context.Request;
        switch (route)
        {
            case "authorize" when HttpMethods.IsGet(request.Method):
                Authorize(context);
                return;
            case "token" when HttpMethods.IsPost(request.Method):
                await TokenAsync(context).ConfigureAwait(false);
                return;
            case "metadata" when HttpMethods.IsGet(request.Method):
                await MetadataAsync(context).ConfigureAwait(false);
                return;
            default:
                context.Response.StatusCode = 404;
                return;
        }
    }

    private void Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["response_type"].FirstOrDefault() != "code" || query["client_id"].FirstOrDefault() != options.OAuthClientId
            || !Uri.TryCreate(query["redirect_uri"].FirstOrDefault(), UriKind.Absolute, out var redirect))
        {
            context.Response.StatusCode = 400;
            return;
        }

        var code = "code-" + Interlocked.Increment(ref issued).ToString(CultureInfo.InvariantCulture);
        codes[code] = redirect.ToString();
        var state = query["state"].FirstOrDefault();
        var separator = string.IsNullOrEmpty(redirect.Query) ? "?" : "&";
        context.Response.Redirect(redirect + separator + "code=" + Uri.EscapeDataString(code) + (state is null ? string.Empty : "&state=" + Uri.EscapeDataString(state)));
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
        string? Field(string name) => form?[name].FirstOrDefault();
        if (Field("client_id") != options.OAuthClientId || Field("client_secret") != options.OAuthClientSecret)
        {
            await WriteAsync(context, 401, new JsonObject { ["error"] = "invalid_client", ["error_description"] = "Invalid client credentials" }).ConfigureAwait(false);
            return;
        }

        if (Field("grant_type") != "authorization_code" || Field("code") is not { } code || !codes.TryRemove(code, out var redirect) || redirect != Field("redirect_uri"))
        {
            await WriteAsync(context, 400, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "Invalid authorization code" }).ConfigureAwait(false);
            return;
        }

        var token = "token-" + Interlocked.Increment(ref issued).ToString(CultureInfo.InvariantCulture) + "-" + options.Seed.ToString(CultureInfo.InvariantCulture);
        tokens[token] = true;
        await WriteAsync(context, 200, new JsonObject { ["access_token"] = token, ["expires_in"] = 0, ["scope"] = null }).ConfigureAwait(false);
    }

    private async Task MetadataAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.FirstOrDefault() ?? string.Empty;
        var token = header.StartsWith("OAuth ", StringComparison.Ordinal) ? header["OAuth ".Length..] : null;
        if (token is null || !IsValidToken(token))
        {
            await WriteAsync(context, 401, new JsonObject { ["error"] = "invalid_token", ["error_description"] = "Invalid access token" }).ConfigureAwait(false);
            return;
        }

        var endpoint = context.Request.Scheme + "://" + context.Request.Host;
        await WriteAsync(context, 200, new JsonObject
        {
            ["dc"] = options.DataCenter,
            ["role"] = "owner",
            ["accountname"] = "Tandem Sandbox",
            ["login_url"] = endpoint,
            ["api_endpoint"] = endpoint,
        }).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }
}
