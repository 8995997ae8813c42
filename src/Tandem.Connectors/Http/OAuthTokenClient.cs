using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Http;

/// <summary>
/// The token endpoint of an OAuth 2.0 provider (RFC 6749): exchanges an authorisation code (§4.1.3)
/// and a refresh token (§6) for tokens. A refused grant (<c>invalid_grant</c>, <c>invalid_client</c>)
/// is a <see cref="ConnectorException"/> with <see cref="ConnectorException.IsAuthorizationFailure"/> set.
/// </summary>
public sealed class OAuthTokenClient
{
    private readonly HttpClient http;
    private readonly OAuthClientOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public OAuthTokenClient(HttpClient http, OAuthClientOptions options, TimeProvider time, ILogger logger)
    {
        this.http = http;
        this.options = options;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>
    /// Called with the JSON of every successful token answer, for what a provider adds to RFC 6749's fields (Pipedrive's
    /// <c>api_domain</c>). The element is valid during the call only. Null: nothing is called.
    /// </summary>
    public Action<JsonElement>? OnAnswer { get; init; }

    /// <summary>
    /// Tokens for an authorisation code. <paramref name="codeVerifier"/> is the PKCE verifier (RFC 7636 §4.5) when
    /// the consent request carried a code challenge.
    /// </summary>
    public Task<OAuthTokens> ExchangeCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken, string? codeVerifier = null)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("grant_type", "authorization_code"),
            new("code", code),
            new("redirect_uri", redirectUri.ToString()),
        ];
        if (codeVerifier is not null)
        {
            form.Add(new("code_verifier", codeVerifier));
        }

        return RequestAsync(form, previousRefreshToken: null, cancellationToken);
    }

    /// <summary>New tokens from a refresh token; the result keeps the old refresh token when the provider issues no new one.</summary>
    public Task<OAuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        RequestAsync(
            [
                new("grant_type", "refresh_token"),
                new("refresh_token", refreshToken),
            ],
            refreshToken,
            cancellationToken);

    private async Task<OAuthTokens> RequestAsync(List<KeyValuePair<string, string>> form, string? previousRefreshToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenEndpoint);
        if (options.UseBasicAuthentication)
        {
            var pair = Uri.EscapeDataString(options.ClientId) + ":" + Uri.EscapeDataString(options.ClientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        else
        {
            form.Add(new("client_id", options.ClientId));
            form.Add(new("client_secret", options.ClientSecret));
        }

        request.Content = new FormUrlEncodedContent(form);

        // Exchanging the same code or refresh token twice gives equivalent tokens: safe to retry.
        RequestIdempotency.MarkIdempotent(request);
        var requestedAt = time.GetUtcNow();
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        using var json = Parse(body);
        var root = json.RootElement;
        if (!response.IsSuccessStatusCode)
        {
            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String
                ? e.GetString() ?? "unknown_error"
                : "HTTP " + (int)response.StatusCode;
            ConnectorsLog.GrantRefused(logger, error);
            throw new ConnectorException($"The provider refused the authorisation ({error}); connect the account again.")
            {
                IsAuthorizationFailure = (int)response.StatusCode is 400 or 401 or 403,
            };
        }

        var accessToken = root.TryGetProperty("access_token", out var at) ? at.GetString() : null;
        if (string.IsNullOrEmpty(accessToken))
        {
            throw new ConnectorException("The token endpoint answered without an access token.");
        }

        var lifetime = root.TryGetProperty("expires_in", out var ex) && ex.TryGetInt64(out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromHours(1);
        var expiresAt = requestedAt + lifetime - options.ExpirySkew;
        var refresh = root.TryGetProperty("refresh_token", out var rt) ? rt.GetString() : null;
        OnAnswer?.Invoke(root);
        ConnectorsLog.TokenRefreshed(logger, expiresAt);
        return new OAuthTokens(accessToken, expiresAt, string.IsNullOrEmpty(refresh) ? previousRefreshToken : refresh);
    }

    private static JsonDocument Parse(string body)
    {
        try
        {
            return JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException("The token endpoint answered with something that is not JSON.", ex);
        }
    }
}
