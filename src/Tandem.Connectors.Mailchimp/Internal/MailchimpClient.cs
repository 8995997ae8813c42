using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// The Marketing API calls the connector makes, relative to <c>https://{dc}.api.mailchimp.com/3.0/</c>. With an OAuth
/// token the base comes from OAuth metadata (<c>api_endpoint</c>) on first use. At most 10 requests are in progress at
/// once (Mailchimp refuses more with 429). Problem documents become <see cref="MailchimpApiException"/>.
/// </summary>
internal sealed class MailchimpClient : IDisposable
{
    /// <summary>Mailchimp's limit of simultaneous connections per user.</summary>
    public const int MaxConnections = 10;

    private readonly HttpClient http;
    private readonly MailchimpSettings settings;
    private readonly AuthenticationHeaderValue authorization;
    private readonly SemaphoreSlim connections = new(MaxConnections, MaxConnections);
    private Uri? baseUrl;

    public MailchimpClient(HttpClient http, MailchimpSettings settings)
    {
        this.http = http;
        this.settings = settings;
        baseUrl = settings.ApiBaseUrl;
        authorization = settings.AccessToken is { } token
            ? new AuthenticationHeaderValue("Bearer", token)
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("tandem:" + settings.ApiKey)));
    }

    public string AudienceId => settings.AudienceId;

    public Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, idempotent: true, cancellationToken);

    /// <summary>A POST; <paramref name="idempotent"/> when sending it twice has the effect of sending it once (absolute values, upserts).</summary>
    public Task<JsonObject> PostAsync(string path, JsonObject body, bool idempotent, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, idempotent, cancellationToken);

    public Task<JsonObject> PatchAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, path, body, idempotent: false, cancellationToken);

    public Task<JsonObject> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, path, null, idempotent: true, cancellationToken);

    public void Dispose()
    {
        http.Dispose();
        connections.Dispose();
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body, bool idempotent, CancellationToken cancellationToken)
    {
        var root = baseUrl ??= await DiscoverAsync(cancellationToken).ConfigureAwait(false);
        await connections.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(root, path));
            request.Headers.Authorization = authorization;
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            if (idempotent)
            {
                RequestIdempotency.MarkIdempotent(request);
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var json = Parse(text, (int)response.StatusCode);
            if (response.IsSuccessStatusCode)
            {
                return json;
            }

            var status = (int)response.StatusCode;
            var errors = Json.Items(json, "errors").Select(e => $"{Json.Text(e, "field")}: {Json.Text(e, "message")}").ToList();
            throw new MailchimpApiException(status, Json.Text(json, "title") ?? string.Empty, Json.Text(json, "detail") ?? string.Empty, errors)
            {
                IsAuthorizationFailure = status is 401 or 403,
            };
        }
        finally
        {
            connections.Release();
        }
    }

    /// <summary>An OAuth token names no data centre: Mailchimp's metadata endpoint tells which API endpoint serves it.</summary>
    private async Task<Uri> DiscoverAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.LoginUrl, "oauth2/metadata"));
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", settings.AccessToken);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var json = Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), (int)response.StatusCode);
        if (!response.IsSuccessStatusCode || !Uri.TryCreate(Json.Text(json, "api_endpoint"), UriKind.Absolute, out var endpoint))
        {
            throw new ConnectorException($"Mailchimp's OAuth metadata answered {(int)response.StatusCode} without an API endpoint.") { IsAuthorizationFailure = (int)response.StatusCode is 401 or 403 };
        }

        return new Uri(endpoint.GetLeftPart(UriPartial.Authority) + "/3.0/");
    }

    private static JsonObject Parse(string text, int status)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (JsonException ex)
        {
            throw new ConnectorException($"Mailchimp answered {status} with a body that is not JSON.", ex);
        }
    }
}
