using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Pipedrive.Internal;

/// <summary>The Pipedrive calls the connector makes, as the <c>{success, data, additional_data}</c> envelope; errors become <see cref="ConnectorException"/>.</summary>
internal sealed class PipedriveClient : IDisposable
{
    private readonly HttpClient http;
    private readonly IDisposable[] owned;

    /// <param name="http">The API client, authorised.</param>
    /// <param name="owned">What else the client disposes with it (the OAuth token cache and its HTTP client).</param>
    public PipedriveClient(HttpClient http, params IDisposable[] owned)
    {
        this.http = http;
        this.owned = owned;
    }

    public Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, cancellationToken);

    public Task<JsonObject> PatchAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body) }, cancellationToken);

    public Task<JsonObject> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken);

    public void Dispose()
    {
        http.Dispose();
        foreach (var item in owned)
        {
            item.Dispose();
        }
    }

    private async Task<JsonObject> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonObject? json;
            try
            {
                json = string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException ex)
            {
                throw new ConnectorException($"Pipedrive answered {(int)response.StatusCode} with a body that is not JSON.", ex);
            }

            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode && json?["success"]?.GetValue<bool>() == true)
            {
                return json;
            }

            // v1 webhooks refuse with {errors: {field: [messages]}} instead of error.
            throw new PipedriveApiException(code, json?["error"]?.GetValue<string>() ?? json?["errors"]?.ToJsonString() ?? string.Empty) { IsAuthorizationFailure = code is 401 or 403 };
        }
    }
}
