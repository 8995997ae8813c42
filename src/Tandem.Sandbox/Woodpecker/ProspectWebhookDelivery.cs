using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Sandbox.Kit.Webhooks;

namespace Tandem.Sandbox.Woodpecker;

/// <summary>
/// One prospect event for one subscriber, as Woodpecker posts it (NOTES.md §8): a JSON array (up to 100 items; one here)
/// of <c>{method, prospect, timestamp, firm_id}</c>. A 410 answer unsubscribes the URL.
/// </summary>
internal sealed class ProspectWebhookDelivery : IWebhookDelivery
{
    private readonly WebhookSubscriptions subscriptions;
    private readonly Uri url;
    private readonly string name;
    private readonly JsonArray body;

    public ProspectWebhookDelivery(WebhookSubscriptions subscriptions, Uri url, string name, JsonObject prospect, DateTimeOffset at)
    {
        this.subscriptions = subscriptions;
        this.url = url;
        this.name = name;
        body =
        [
            new JsonObject
            {
                ["method"] = name,
                ["prospect"] = prospect,
                ["timestamp"] = ProspectFields.Stamp(at),
                ["firm_id"] = 1.ToString(CultureInfo.InvariantCulture),
            },
        ];
    }

    public bool IsWanted => subscriptions.Exists(url, name);

    public HttpRequestMessage CreateRequest(int attempt) => new(HttpMethod.Post, url) { Content = JsonContent.Create(body.DeepClone()) };

    public void Answered(int? status)
    {
    }

    public void Disable() => subscriptions.Remove(url, name);
}
