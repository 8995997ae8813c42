using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Wooxy.Internal;

/// <summary>
/// The Wooxy API v3 calls the connector makes. Every call is a POST with a JSON body; an answer with an error status
/// or <c>"result": false</c> becomes an <see cref="ApiErrorException"/> carrying Wooxy's first error. Reads are marked
/// safe to repeat; add, update and remove are not (a lost answer is an unknown outcome, never sent twice blindly).
/// </summary>
internal sealed class WooxyClient(JsonApiClient http) : IDisposable
{
    /// <summary>Records per add, update or remove request, and ids per <c>request/find</c>.</summary>
    public const int MaxPerTransaction = 100;

    public Task<JsonObject> SubmitAsync(string method, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync("v3/" + method, body, repeatable: false, cancellationToken);

    public Task<JsonObject> FindRequestsAsync(IEnumerable<string> ids, CancellationToken cancellationToken) =>
        SendAsync("v3/request/find", new JsonObject { ["ids"] = new JsonArray([.. ids.Select(id => (JsonNode)id)]) }, repeatable: true, cancellationToken);

    public Task<JsonObject> GetContactAsync(string listId, string property, string identifier, CancellationToken cancellationToken) =>
        SendAsync("v3/contact/get", new JsonObject { ["contactListId"] = listId, [property] = identifier }, repeatable: true, cancellationToken);

    public Task<JsonObject> FindListsAsync(string domain, string name, CancellationToken cancellationToken) =>
        SendAsync("v3/contact-list/find", new JsonObject { ["domain"] = domain, ["contactListName"] = name, ["offset"] = 0, ["limit"] = 20 }, repeatable: true, cancellationToken);

    public Task<JsonObject> GetListAsync(string listId, CancellationToken cancellationToken) =>
        SendAsync("v3/contact-list/get", new JsonObject { ["contactListId"] = listId }, repeatable: true, cancellationToken);

    /// <summary>Adding a variable twice fails the second time ("already exists"), so a repeat is harmless.</summary>
    public Task<JsonObject> AddVariableAsync(string listId, string name, string type, CancellationToken cancellationToken) =>
        SendAsync("v3/contact-list/variables/add", new JsonObject { ["contactListId"] = listId, ["variables"] = new JsonArray(new JsonObject { ["name"] = name, ["type"] = type }) }, repeatable: true, cancellationToken);

    public void Dispose() => http.Dispose();

    private async Task<JsonObject> SendAsync(string path, JsonObject body, bool repeatable, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (repeatable)
        {
            RequestIdempotency.MarkIdempotent(request);
        }

        var answer = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var refused = answer.Body["result"] is JsonValue result && result.TryGetValue<bool>(out var ok) && !ok;
        if (!answer.IsSuccess || refused)
        {
            var reason = (answer.Body["errors"] as JsonArray)?.Select(JsonFields.Text).FirstOrDefault(e => e is not null) ?? string.Empty;
            var status = answer.IsSuccess ? 400 : answer.Status;
            throw new ApiErrorException(status, $"Wooxy answered {status}{(reason.Length > 0 ? ": " + reason : ".")}", reason);
        }

        return answer.Body;
    }
}
