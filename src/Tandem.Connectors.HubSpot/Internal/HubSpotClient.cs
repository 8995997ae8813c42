using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.HubSpot.Internal;

/// <summary>
/// The HubSpot calls the connector makes; an error status becomes <see cref="HubSpotApiException"/>, a 207 is an answer
/// (its <c>errors</c> are the caller's to read). Listing pages count against the run's listing budget; searches are paced.
/// </summary>
internal sealed class HubSpotClient : IDisposable
{
    private readonly JsonApiClient http;
    private readonly SearchPacer pacer;

    /// <param name="http">The API client, authorised; it disposes what the account owns with it.</param>
    /// <param name="pacer">The account's search pacer.</param>
    public HubSpotClient(JsonApiClient http, SearchPacer pacer)
    {
        this.http = http;
        this.pacer = pacer;
    }

    public async Task<JsonObject> ListAsync(string path, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
        http.Listing.Count((answer["results"] as JsonArray)?.Count ?? 0);
        return answer;
    }

    public Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    /// <summary>A POST that only reads (batch read, search, list search): safe to send again after a timeout or a 5xx.</summary>
    public async Task<JsonObject> ReadAsync(string path, JsonNode body, CancellationToken cancellationToken)
    {
        var request = RequestIdempotency.MarkIdempotent(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) });
        var answer = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        http.Listing.Count((answer["results"] as JsonArray)?.Count ?? 0);
        return answer;
    }

    public async Task<JsonObject> SearchAsync(JsonObject body, CancellationToken cancellationToken)
    {
        await pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync("crm/v3/objects/contacts/search", body, cancellationToken).ConfigureAwait(false);
    }

    public Task<JsonObject> PostAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, cancellationToken);

    /// <summary>A PUT (list memberships): adding or removing the same records again changes nothing.</summary>
    public Task<JsonObject> PutAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) }, cancellationToken);

    public void Dispose() => http.Dispose();

    private async Task<JsonObject> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var answer = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (answer.IsSuccess)
        {
            return answer.Body;
        }

        throw new HubSpotApiException(answer.Status, Json.Text(answer.Body, "category") ?? string.Empty, Json.Text(answer.Body, "message") ?? string.Empty);
    }
}
