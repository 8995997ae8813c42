using System.Net.Http.Json;
using Tandem.Sandbox.Kit.Webhooks;

namespace Tandem.Sandbox.Wooxy;

/// <summary>
/// The <c>webHookUri</c> callback of a processed request: a POST of the request's status and per-contact results, the
/// same JSON as its entry in <c>request/find</c>.
/// </summary>
internal sealed class RequestCallback(StoredRequest request) : IWebhookDelivery
{
    public bool IsWanted => true;

    public HttpRequestMessage CreateRequest(int attempt) =>
        new(HttpMethod.Post, request.WebHookUri) { Content = JsonContent.Create(RequestShape.Of(request)) };

    public void Answered(int? status)
    {
    }

    public void Disable()
    {
    }
}
