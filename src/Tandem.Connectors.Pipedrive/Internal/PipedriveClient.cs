using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>
/// The Pipedrive calls the connector makes, as the <c>{success, data, additional_data}</c> envelope; errors become
/// <see cref="PipedriveApiException"/>. Every answer whose <c>data</c> is a list counts as a listing page.
/// </summary>
internal sealed class PipedriveClient : IDisposable
{
    private readonly JsonApiClient http;

    /// <param name="http">The API client, authorised; it disposes what the account owns with it.</param>
    public PipedriveClient(JsonApiClient http)
    {
        this.http = http;
    }

    public async Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
        if (answer["data"] is JsonArray items)
        {
            http.Listing.Count(items.Count);
        }

        return answer;
    }

    public Task<JsonObject> PostAsync(string path, JsonNode body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, cancellationToken);

    public Task<JsonObject> PatchAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body) }, cancellationToken);

    public Task<JsonObject> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken);

    public void Dispose() => http.Dispose();

    private async Task<JsonObject> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var answer = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var json = answer.Body;
        if (answer.IsSuccess && json["success"] is JsonValue success && success.TryGetValue<bool>(out var ok) && ok)
        {
            return json;
        }

        // v1 webhooks refuse with {errors: {field: [messages]}} instead of error.
        var message = json["error"] is JsonValue error && error.TryGetValue<string>(out var text) ? text : json["errors"]?.ToJsonString() ?? string.Empty;
        throw new PipedriveApiException(answer.Status, message);
    }
}
