using System.Text.Json;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Http;

/// <summary>
/// One account's JSON API: sends through its <see cref="ConnectorHttp"/> pipeline and reads every answer the same way
/// (within the body cap, as an object, an empty body as <c>{}</c>); what an error envelope means stays the vendor's.
/// Also holds the account's <see cref="ListingBudget"/>.
/// </summary>
public sealed class JsonApiClient : IDisposable
{
    private readonly HttpClient http;
    private readonly IDisposable[] owned;

    /// <param name="http">A client over <see cref="ConnectorHttp.Pipeline"/>.</param>
    /// <param name="label">The app, as errors name it ("Pipedrive").</param>
    /// <param name="limits">The account's limits (its listing budget comes from them).</param>
    /// <param name="owned">What else is disposed with it (a token cache, the token endpoint's client).</param>
    public JsonApiClient(HttpClient http, string label, HttpLimits limits, params IDisposable[] owned)
    {
        this.http = http;
        this.owned = owned;
        Label = label;
        Listing = new ListingBudget(label, limits);
    }

    /// <summary>The app, as errors name it.</summary>
    public string Label { get; }

    /// <summary>The listing pages and records of this connector's run.</summary>
    public ListingBudget Listing { get; }

    /// <summary>Sends <paramref name="request"/> (and disposes it) and reads its answer, whatever the status.</summary>
    /// <exception cref="ConnectorException">The answer was too large, too slow, a redirect, or not a JSON object.</exception>
    public async Task<JsonAnswer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using (request)
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new JsonAnswer(status, Parse(bytes, status));
        }
    }

    public void Dispose()
    {
        http.Dispose();
        foreach (var item in owned)
        {
            item.Dispose();
        }
    }

    private JsonObject Parse(byte[] bytes, int status)
    {
        if (bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return [];
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException($"{Sentence.Capitalized(Label)} answered {status} with a body that is not JSON.", ex);
        }

        return node as JsonObject ?? throw new ConnectorException($"{Sentence.Capitalized(Label)} answered {status} with JSON that is not an object.");
    }
}
