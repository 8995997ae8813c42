using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Woodpecker.Internal;

/// <summary>
/// The Woodpecker v1 calls the connector makes. Listings answer a bare JSON array (204 when empty) with the number of
/// matches in <c>X-Total-Count</c>; errors answer <c>{"status":{"status":"ERROR","code","msg"}}</c> and become
/// <see cref="WoodpeckerApiException"/>. Every listing page counts against the run's <see cref="ListingBudget"/>.
/// </summary>
internal sealed class WoodpeckerClient : IDisposable
{
    private readonly HttpClient http;

    /// <param name="http">A client over the shared pipeline, authorised and gated per key.</param>
    /// <param name="limits">The account's limits (its listing budget comes from them).</param>
    public WoodpeckerClient(HttpClient http, HttpLimits limits)
    {
        this.http = http;
        Listing = new ListingBudget("Woodpecker", limits);
    }

    public ListingBudget Listing { get; }

    /// <summary>One page of prospects and the count of all that match.</summary>
    public async Task<(List<JsonObject> Items, int? Total)> ListAsync(string path, CancellationToken cancellationToken)
    {
        var (status, body, total) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
        if (status == 204 || body is null)
        {
            Listing.Count(0);
            return ([], total);
        }

        var items = body as JsonArray ?? throw new ConnectorException("Woodpecker answered a prospect listing with something that is not a list.");
        Listing.Count(items.Count);
        return (items.OfType<JsonObject>().ToList(), total);
    }

    public async Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken) =>
        (await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken).ConfigureAwait(false)).Body as JsonObject ?? [];

    public async Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        (await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, cancellationToken).ConfigureAwait(false)).Body as JsonObject ?? [];

    public Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken);

    public void Dispose() => http.Dispose();

    private async Task<(int Status, JsonNode? Body, int? Total)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var body = Parse(bytes, status);
            int? total = response.Headers.TryGetValues("X-Total-Count", out var values) && int.TryParse(values.FirstOrDefault(), out var count) ? count : null;
            if (status is >= 200 and < 300)
            {
                return (status, body, total);
            }

            var envelope = (body as JsonObject)?["status"] as JsonObject;
            throw new WoodpeckerApiException(status, Json.Text(envelope, "code") ?? string.Empty, Json.Text(envelope, "msg") ?? string.Empty);
        }
    }

    private static JsonNode? Parse(byte[] bytes, int status)
    {
        if (bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException($"Woodpecker answered {status} with a body that is not JSON.", ex);
        }
    }
}
