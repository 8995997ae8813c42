using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Pipeliner.Internal;

/// <summary>Calls to one space's REST v100 entities, as JSON in and out; errors become <see cref="PipelinerApiException"/>.</summary>
internal sealed class PipelinerClient : IDisposable
{
    private readonly JsonApiClient http;

    public PipelinerClient(JsonApiClient http)
    {
        this.http = http;
    }

    public Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    /// <summary>A page of a list, counted against the run's listing budget (a listing that never ends stops).</summary>
    public async Task<JsonObject> ListPageAsync(string path, CancellationToken cancellationToken)
    {
        var page = await GetAsync(path, cancellationToken).ConfigureAwait(false);
        http.Listing.Count((page["data"] as JsonArray)?.Count ?? 0);
        return page;
    }

    /// <summary>
    /// <c>batch-modify</c> with <c>rollback-method=1</c> (each invalid object fails alone). Safe to repeat only when it
    /// creates nothing: updates set absolute values.
    /// </summary>
    public Task<JsonObject> BatchModifyAsync(string entity, JsonArray items, bool repeatable, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"entities/{entity}/batch-modify?rollback-method=1") { Content = JsonContent.Create(items) };
        return SendAsync(repeatable ? RequestIdempotency.MarkIdempotent(request) : request, cancellationToken);
    }

    /// <summary>A create (<c>POST entities/{entity}</c>); never repeated blindly (a second one is a second entity).</summary>
    public Task<JsonObject> CreateAsync(string entity, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, $"entities/{entity}") { Content = JsonContent.Create(body) }, cancellationToken);

    /// <summary>A delete (<c>DELETE entities/{entity}/{id}</c>).</summary>
    public Task<JsonObject> DeleteAsync(string entity, string id, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"entities/{entity}/{Uri.EscapeDataString(id)}"), cancellationToken);

    public void Dispose() => http.Dispose();

    private async Task<JsonObject> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var answer = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (answer.IsSuccess)
        {
            return answer.Body;
        }

        throw PipelinerApiException.From(answer.Status, answer.Body);
    }
}
