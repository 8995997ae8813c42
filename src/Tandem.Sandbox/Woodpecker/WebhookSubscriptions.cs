using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Woodpecker;

/// <summary>
/// The account's webhook subscriptions (developers.woodpecker.co "Webhooks", NOTES.md §8): one per target URL and
/// event; the same URL and event twice is a 409, and so is a fourth URL for one event. A subscriber answering 410 Gone
/// is unsubscribed.
/// </summary>
internal sealed class WebhookSubscriptions
{
    /// <summary>The events the sandbox can post (the documented ones that concern a prospect's status).</summary>
    public static readonly string[] Events = ["prospect_replied", "prospect_blacklisted", "prospect_autoreplied", "followup_after_autoreply", "prospect_bounced", "prospect_invalid"];

    private const int UrlsPerEvent = 3;

    private readonly Lock gate = new();
    private readonly List<(Uri Url, string Event)> subscriptions = [];

    public (int Status, JsonObject Body) Subscribe(JsonObject body)
    {
        var (url, name) = Read(body);
        lock (gate)
        {
            if (subscriptions.Contains((url, name)))
            {
                return (409, WoodpeckerAnswers.Envelope("ERROR", "E_WRONG_PARAM", "This target_url is already subscribed to this event"));
            }

            if (subscriptions.Count(s => s.Event == name) >= UrlsPerEvent)
            {
                return (409, WoodpeckerAnswers.Envelope("ERROR", "E_WRONG_PARAM", "An event can have at most 3 target URLs"));
            }

            subscriptions.Add((url, name));
        }

        return (201, WoodpeckerAnswers.Envelope("OK", "OK", "Subscribed"));
    }

    public (int Status, JsonObject Body) Unsubscribe(JsonObject body)
    {
        var (url, name) = Read(body);
        lock (gate)
        {
            return subscriptions.Remove((url, name))
                ? (200, WoodpeckerAnswers.Envelope("OK", "OK", "Unsubscribed"))
                : (404, WoodpeckerAnswers.Envelope("ERROR", "E_RECORD_NOT_FOUND", "No such subscription"));
        }
    }

    public JsonArray List()
    {
        lock (gate)
        {
            return new JsonArray(subscriptions.Select(s => (JsonNode)new JsonObject { ["target_url"] = s.Url.ToString(), ["event"] = s.Event }).ToArray());
        }
    }

    public List<Uri> For(string name)
    {
        lock (gate)
        {
            return subscriptions.Where(s => s.Event == name).Select(s => s.Url).ToList();
        }
    }

    public bool Exists(Uri url, string name)
    {
        lock (gate)
        {
            return subscriptions.Contains((url, name));
        }
    }

    /// <summary>The subscriber answered 410 Gone: "410 response unsubscribes".</summary>
    public void Remove(Uri url, string name)
    {
        lock (gate)
        {
            subscriptions.Remove((url, name));
        }
    }

    private static (Uri Url, string Event) Read(JsonObject body)
    {
        var target = body["target_url"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        var name = body["event"] is JsonValue e && e.TryGetValue<string>(out var n) ? n : null;
        if (!Uri.TryCreate(target, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw WoodpeckerApiException.WrongParam("Invalid target_url");
        }

        return name is not null && Events.Contains(name) ? (url, name) : throw WoodpeckerApiException.WrongParam("Invalid event");
    }
}
