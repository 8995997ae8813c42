using System.Globalization;
using System.Text.Json.Nodes;

namespace Tandem.Sandbox.HubSpot;

/// <summary>
/// The app's webhook settings (webhooks.v3.json): one target URL for the whole app and its event subscriptions, each
/// active or paused. HubSpot keeps these per app, not per portal; the sandbox has one app (<c>Options.AppId</c>).
/// Thread-safe.
/// </summary>
internal sealed class WebhookSettings(TimeProvider time)
{
    private static readonly string[] ContactEvents =
        ["contact.creation", "contact.deletion", "contact.merge", "contact.propertyChange", "contact.restore", "contact.privacyDeletion", "contact.associationChange"];

    private readonly Lock gate = new();
    private readonly List<Subscription> subscriptions = [];
    private (Uri Target, int MaxConcurrent, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)? settings;
    private long nextId = 1;

    /// <summary>The target URL, or null before one is set.</summary>
    public Uri? Target
    {
        get
        {
            lock (gate)
            {
                return settings?.Target;
            }
        }
    }

    public JsonObject Settings()
    {
        lock (gate)
        {
            return Render(settings ?? throw HubSpotApiException.NotFound("No webhook settings are configured for this app."));
        }
    }

    public JsonObject Save(JsonObject body)
    {
        var target = body["targetUrl"]?.GetValue<string>() is { } text && Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url : throw HubSpotApiException.Invalid("targetUrl must be an absolute http(s) URL.");
        var throttling = body["throttling"] as JsonObject ?? throw HubSpotApiException.Invalid("throttling is required.");
        var max = throttling["maxConcurrentRequests"] is JsonValue value && value.TryGetValue<int>(out var n) && n >= 5
            ? n : throw HubSpotApiException.Invalid("throttling.maxConcurrentRequests must be at least 5.");
        lock (gate)
        {
            var now = time.GetUtcNow();
            settings = (target, max, settings?.CreatedAt ?? now, now);
            return Render(settings.Value);
        }
    }

    public JsonObject Subscribe(JsonObject body)
    {
        var eventType = body["eventType"]?.GetValue<string>() is { } type && ContactEvents.Contains(type, StringComparer.Ordinal)
            ? type : throw HubSpotApiException.Invalid("eventType must be one of the contact event types.");
        var property = body["propertyName"]?.GetValue<string>();
        if (eventType == "contact.propertyChange" && string.IsNullOrEmpty(property))
        {
            throw HubSpotApiException.Invalid("propertyName is required for contact.propertyChange subscriptions.");
        }

        lock (gate)
        {
            if (subscriptions.Any(s => s.EventType == eventType && s.PropertyName == property))
            {
                throw new HubSpotApiException(409, "CONFLICT", $"A subscription for {eventType} already exists.");
            }

            var subscription = new Subscription(nextId++, eventType, property, body["active"]?.GetValue<bool>() ?? false, time.GetUtcNow());
            subscriptions.Add(subscription);
            return subscription.Render();
        }
    }

    public JsonObject List()
    {
        lock (gate)
        {
            return new JsonObject { ["results"] = new JsonArray([.. subscriptions.Select(s => (JsonNode)s.Render())]) };
        }
    }

    /// <summary>The active subscription that wants this change, or null.</summary>
    public long? SubscriptionFor(ContactChange change)
    {
        lock (gate)
        {
            return settings is null ? null : subscriptions.FirstOrDefault(s => s.Active && s.EventType == change.SubscriptionType
                && (s.PropertyName is null || s.PropertyName == change.PropertyName))?.Id;
        }
    }

    /// <summary>Whether the subscription is still there and active (checked before every attempt).</summary>
    public bool IsActive(long subscriptionId)
    {
        lock (gate)
        {
            return settings is not null && subscriptions.Any(s => s.Id == subscriptionId && s.Active);
        }
    }

    private static JsonObject Render((Uri Target, int MaxConcurrent, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) s) => new()
    {
        ["targetUrl"] = s.Target.OriginalString,
        ["throttling"] = new JsonObject { ["maxConcurrentRequests"] = s.MaxConcurrent },
        ["createdAt"] = HubSpotValues.Stamp(s.CreatedAt),
        ["updatedAt"] = HubSpotValues.Stamp(s.UpdatedAt),
    };

    private sealed record Subscription(long Id, string EventType, string? PropertyName, bool Active, DateTimeOffset CreatedAt)
    {
        public JsonObject Render()
        {
            var rendered = new JsonObject
            {
                ["id"] = Id.ToString(CultureInfo.InvariantCulture),
                ["eventType"] = EventType,
                ["active"] = Active,
                ["createdAt"] = HubSpotValues.Stamp(CreatedAt),
            };
            if (PropertyName is not null)
            {
                rendered["propertyName"] = PropertyName;
            }

            return rendered;
        }
    }
}
