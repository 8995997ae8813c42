using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Mailchimp.Internal;

/// <summary>
/// The Marketing API calls the connector makes, relative to <c>https://{dc}.api.mailchimp.com/3.0/</c>. With an OAuth
/// token the base comes from OAuth metadata (<c>api_endpoint</c>) on first use, and must be Mailchimp's own unless the
/// host allowed it by its exact URL (a sandbox). At most 10 requests are in progress at once for one Mailchimp user,
/// across every connection of the process (Mailchimp refuses more with 429; see <see cref="MailchimpUserGates"/>). Problem documents become <see cref="MailchimpApiException"/>; every collection answered (it carries
/// <c>total_items</c>) counts as a listing page.
/// </summary>
internal sealed class MailchimpClient : IDisposable
{
    /// <summary>Mailchimp's limit of simultaneous connections per user.</summary>
    public const int MaxConnections = 10;

    private readonly JsonApiClient http;
    private readonly MailchimpSettings settings;
    private readonly NetworkPolicy network;
    private readonly AuthenticationHeaderValue authorization;
    private readonly SemaphoreSlim connections;
    private Uri? baseUrl;

    public MailchimpClient(JsonApiClient http, MailchimpSettings settings, NetworkPolicy network)
    {
        this.http = http;
        this.settings = settings;
        this.network = network;
        baseUrl = settings.ApiBaseUrl;
        connections = MailchimpUserGates.For((settings.ApiBaseUrl ?? settings.LoginUrl) + " " + (settings.AccessToken ?? settings.ApiKey));
        authorization = settings.AccessToken is { } token
            ? new AuthenticationHeaderValue("Bearer", token)
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("tandem:" + settings.ApiKey)));
    }

    public string AudienceId => settings.AudienceId;

    public async Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Get, path, null, idempotent: true, cancellationToken).ConfigureAwait(false);
        if (answer.ContainsKey("total_items"))
        {
            http.Listing.Count(answer.Select(p => p.Value).OfType<JsonArray>().Sum(a => a.Count));
        }

        return answer;
    }

    /// <summary>A POST; <paramref name="idempotent"/> when sending it twice has the effect of sending it once (absolute values, upserts).</summary>
    public Task<JsonObject> PostAsync(string path, JsonObject body, bool idempotent, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, idempotent, cancellationToken);

    public Task<JsonObject> PatchAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, path, body, idempotent: false, cancellationToken);

    public Task<JsonObject> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, path, null, idempotent: true, cancellationToken);

    // The gate is the Mailchimp user's, shared with the other connections: it outlives this client.
    public void Dispose() => http.Dispose();

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body, bool idempotent, CancellationToken cancellationToken)
    {
        var root = baseUrl ??= await DiscoverAsync(cancellationToken).ConfigureAwait(false);
        await connections.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var request = new HttpRequestMessage(method, new Uri(root, path));
            request.Headers.Authorization = authorization;
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            if (idempotent)
            {
                RequestIdempotency.MarkIdempotent(request);
            }

            var answer = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (answer.IsSuccess)
            {
                return answer.Body;
            }

            var json = answer.Body;
            var errors = Json.Items(json, "errors").Select(e => $"{Json.Text(e, "field")}: {Json.Text(e, "message")}").ToList();
            throw new MailchimpApiException(answer.Status, Json.Text(json, "title") ?? string.Empty, Json.Text(json, "detail") ?? string.Empty, errors);
        }
        finally
        {
            connections.Release();
        }
    }

    /// <summary>An OAuth token names no data centre: Mailchimp's metadata endpoint tells which API endpoint serves it.</summary>
    private async Task<Uri> DiscoverAsync(CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.LoginUrl, "oauth2/metadata"));
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", settings.AccessToken);
        var answer = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess || !Uri.TryCreate(Json.Text(answer.Body, "api_endpoint"), UriKind.Absolute, out var endpoint))
        {
            throw new ConnectorException($"Mailchimp's OAuth metadata answered {answer.Status} without an API endpoint.") { IsAuthorizationFailure = answer.IsAuthorizationFailure };
        }

        // The bearer token goes wherever this names: only Mailchimp's own API hosts, or an address the host allowed.
        if (!IsMailchimps(endpoint) && !network.IsExplicitlyAllowed(endpoint))
        {
            throw new ConnectorException("Mailchimp's OAuth metadata named an API address outside api.mailchimp.com; Tandem does not send the account's calls there.");
        }

        return new Uri(endpoint.GetLeftPart(UriPartial.Authority) + "/3.0/");
    }

    private static bool IsMailchimps(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort && url.UserInfo.Length == 0
        && url.IdnHost.EndsWith(".api.mailchimp.com", StringComparison.OrdinalIgnoreCase);
}
