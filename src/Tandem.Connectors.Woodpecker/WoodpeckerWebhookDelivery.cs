using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Connectors.Woodpecker;

/// <summary>
/// What one Woodpecker webhook post says: a JSON array (up to 100 items) of <c>{method, prospect, timestamp, …}</c>, one
/// per event (a reply, a blacklisting, a bounce…). It is a hint to read the change feed now, not the data itself.
/// </summary>
/// <param name="ProspectIds">The prospects the events are about, as connector record ids.</param>
/// <param name="Events">The events named in the post (<c>prospect_blacklisted</c>, …).</param>
public sealed record WoodpeckerWebhookDelivery(IReadOnlyList<string> ProspectIds, IReadOnlyList<string> Events)
{
    /// <summary>The events Tandem subscribes to: those that change a prospect's global status, which the feed then reads.</summary>
    public static IReadOnlyList<string> SubscribedEvents { get; } = ["prospect_blacklisted", "prospect_replied", "prospect_bounced", "prospect_invalid"];

    /// <exception cref="FormatException">The body is not a Woodpecker webhook post.</exception>
    public static WoodpeckerWebhookDelivery Parse(string body)
    {
        JsonArray? items;
        try
        {
            items = JsonNode.Parse(body) as JsonArray;
        }
        catch (JsonException ex)
        {
            throw new FormatException("The webhook delivery is not JSON.", ex);
        }

        if (items is null)
        {
            throw new FormatException("The webhook delivery is not a list of events.");
        }

        var ids = new List<string>();
        var events = new List<string>();
        foreach (var item in items.OfType<JsonObject>())
        {
            if (Json.Text(item, "method") is { } name)
            {
                events.Add(name);
            }

            if (Json.Int(item["prospect"] as JsonObject, "id") is { } id)
            {
                ids.Add(id.ToString(CultureInfo.InvariantCulture));
            }
        }

        return new WoodpeckerWebhookDelivery(ids, events);
    }
}
