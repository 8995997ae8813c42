using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Salesmate.Internal;

/// <summary>
/// The Salesmate calls the connector makes, read through the <c>{Status, Data, Error}</c> envelope: <c>Data</c> on
/// success, a <see cref="SalesmateApiException"/> on <c>Status: failure</c> whatever the HTTP status (Salesmate sends
/// most failures as 200). Searches are reads sent as POST, so they are marked safe to repeat.
/// </summary>
internal sealed class SalesmateClient : IDisposable
{
    public const int MaxRows = 250;

    private readonly JsonApiClient http;

    public SalesmateClient(JsonApiClient http)
    {
        this.http = http;
    }

    public Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<JsonNode?> PostAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, cancellationToken);

    public Task<JsonNode?> PutAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) }, cancellationToken);

    public Task<JsonNode?> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken);

    /// <summary>
    /// One page of a v4 search (<c>POST /apis/{module}/v4/search?rows=&amp;from=</c>): the rows of <c>Data.data</c>.
    /// Counted against the run's listing budget when <paramref name="listing"/>.
    /// </summary>
    public async Task<List<JsonObject>> SearchAsync(string module, JsonObject body, int rows, int from, bool listing, CancellationToken cancellationToken)
    {
        var found = JsonFields.Items(await SearchPageAsync(module, body, rows, from, cancellationToken).ConfigureAwait(false), "data").ToList();
        if (listing)
        {
            http.Listing.Count(found.Count);
        }

        return found;
    }

    /// <summary>One page of a v4 search as Salesmate answers it (<c>Data</c>: <c>data</c> rows, <c>totalRows</c> when counted).</summary>
    public async Task<JsonObject?> SearchPageAsync(string module, JsonObject body, int rows, int from, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"apis/{module}/v4/search?rows={rows}&from={from}") { Content = JsonContent.Create(body) };
        return await SendAsync(RequestIdempotency.MarkIdempotent(request), cancellationToken).ConfigureAwait(false) as JsonObject;
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonNode?> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var answer = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var json = answer.Body;
        var status = JsonFields.Text(json, "Status");
        if (answer.IsSuccess && string.Equals(status, "success", StringComparison.OrdinalIgnoreCase))
        {
            return json["Data"];
        }

        var error = json["Error"] as JsonObject;
        throw new SalesmateApiException(
            answer.Status,
            JsonFields.Text(error, "Code") ?? JsonFields.Number(error?["Code"]) ?? string.Empty,
            JsonFields.Text(error, "Name") ?? string.Empty,
            JsonFields.Text(error, "Message") ?? (answer.IsSuccess ? "Salesmate answered without saying why the request failed." : string.Empty));
    }
}
