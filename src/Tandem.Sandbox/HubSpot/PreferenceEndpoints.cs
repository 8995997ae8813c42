using System.Text.Json.Nodes;

namespace Tandem.Sandbox.HubSpot;

/// <summary>
/// Communication preferences v3 (communication-preferences-subscriptions.v3.json): the portal's subscription types, an
/// email's status per type, and subscribe/unsubscribe. An unsubscribe sets the contact's <c>hs_email_optout_&lt;id&gt;</c>,
/// and once every type is unsubscribed, <c>hs_email_optout</c> ("Unsubscribed from all email"), as HubSpot shows them on
/// the contact. Unsubscribing again is refused, as HubSpot refuses it.
/// </summary>
internal sealed class PreferenceEndpoints(ContactStore store)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, HashSet<string>> unsubscribed = new(StringComparer.OrdinalIgnoreCase);

    public static JsonObject Definitions(DateTimeOffset at) => new()
    {
        ["subscriptionDefinitions"] = new JsonArray([.. HubSpotDemoData.Subscriptions.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id,
            ["name"] = s.Name,
            ["description"] = s.Name + " emails",
            ["purpose"] = s.Purpose,
            ["communicationMethod"] = "Email",
            ["isActive"] = true,
            ["isDefault"] = s.Id == HubSpotDemoData.Subscriptions[0].Id,
            ["isInternal"] = false,
            ["createdAt"] = HubSpotValues.Stamp(at),
            ["updatedAt"] = HubSpotValues.Stamp(at),
        })]),
    };

    public JsonObject Status(string email)
    {
        lock (gate)
        {
            var off = unsubscribed.GetValueOrDefault(email) ?? [];
            return new JsonObject
            {
                ["recipient"] = email,
                ["subscriptionStatuses"] = new JsonArray([.. HubSpotDemoData.Subscriptions.Select(s => (JsonNode)Status(s, off.Contains(s.Id)))]),
            };
        }
    }

    public JsonObject Unsubscribe(JsonObject body) => Change(body, subscribe: false);

    public JsonObject Subscribe(JsonObject body) => Change(body, subscribe: true);

    private JsonObject Change(JsonObject body, bool subscribe)
    {
        var email = body["emailAddress"]?.GetValue<string>() ?? throw HubSpotApiException.Invalid("emailAddress is required.");
        var id = body["subscriptionId"]?.GetValue<string>() ?? throw HubSpotApiException.Invalid("subscriptionId is required.");
        var definition = HubSpotDemoData.Subscriptions.FirstOrDefault(s => s.Id == id);
        if (definition.Id is null)
        {
            throw HubSpotApiException.Invalid($"Subscription {id} does not exist.");
        }

        bool all;
        lock (gate)
        {
            var off = unsubscribed.TryGetValue(email, out var set) ? set : unsubscribed[email] = [];
            if (subscribe ? !off.Remove(id) : !off.Add(id))
            {
                throw HubSpotApiException.Invalid($"{email} is already {(subscribe ? "subscribed to" : "unsubscribed from")} subscription {id}");
            }

            all = off.Count == HubSpotDemoData.Subscriptions.Count;
        }

        if (store.ByEmail(email) is { } contact)
        {
            store.SetByHubSpot(contact.Id, "hs_email_optout_" + id, subscribe ? "false" : "true");
            store.SetByHubSpot(contact.Id, "hs_email_optout", all ? "true" : "false");
        }

        return Status(definition, !subscribe);
    }

    private static JsonObject Status((string Id, string Name, string Purpose) definition, bool off) => new()
    {
        ["id"] = definition.Id,
        ["name"] = definition.Name,
        ["description"] = definition.Name + " emails",
        ["status"] = off ? "NOT_SUBSCRIBED" : "SUBSCRIBED",
        ["sourceOfStatus"] = "SUBSCRIPTION_STATUS",
    };
}
