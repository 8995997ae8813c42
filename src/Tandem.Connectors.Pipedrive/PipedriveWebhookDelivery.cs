using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tandem.Connectors.Pipedrive;

/// <summary>
/// What one Pipedrive webhook delivery says about persons: which ids were created or changed, which were deleted.
/// The intake endpoint checks <see cref="IsAuthorized"/> (Pipedrive does not sign deliveries; the webhook's HTTP Basic
/// user and password are the protection), then <see cref="Parse"/>s the body and asks the engine to sync those ids.
/// Deliveries about other objects (deals, organizations…) parse to an empty delivery.
/// </summary>
/// <param name="Changed">Persons created or changed, as connector record ids.</param>
/// <param name="Deleted">Persons deleted, as connector record ids.</param>
public sealed record PipedriveWebhookDelivery(IReadOnlyList<string> Changed, IReadOnlyList<string> Deleted)
{
    /// <summary>Nothing about persons.</summary>
    public static PipedriveWebhookDelivery None { get; } = new([], []);

    /// <summary>True when the delivery carries nothing about persons.</summary>
    public bool IsEmpty => Changed.Count == 0 && Deleted.Count == 0;

    /// <summary>
    /// Reads a delivery body: webhooks v2 (<c>{meta:{action: create|change|delete, entity: "person", entity_id}, data,
    /// previous}</c>, the default since 2025-03-17), or v1 (<c>{meta:{action: added|updated|deleted, object: "person",
    /// id}}</c>).
    /// </summary>
    /// <exception cref="FormatException">The body is not a Pipedrive webhook delivery.</exception>
    public static PipedriveWebhookDelivery Parse(string body)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException ex)
        {
            throw new FormatException("The webhook delivery is not JSON.", ex);
        }

        if (root?["meta"] is not JsonObject meta)
        {
            throw new FormatException("The webhook delivery has no meta object.");
        }

        var entity = Text(meta["entity"]) ?? Text(meta["object"]);
        if (entity != "person")
        {
            return None;
        }

        var id = Text(meta["entity_id"]) ?? Text(meta["id"]) ?? throw new FormatException("The webhook delivery names no person id.");
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new FormatException("The webhook delivery's person id is not a number.");
        }

        return Text(meta["action"]) switch
        {
            "create" or "change" or "added" or "updated" or "merged" => new PipedriveWebhookDelivery([id], []),
            "delete" or "deleted" => new PipedriveWebhookDelivery([], [id]),
            _ => None,
        };
    }

    /// <summary>Whether an <c>Authorization</c> header carries the webhook's HTTP Basic user and password (compared in constant time).</summary>
    public static bool IsAuthorized(string? authorizationHeader, string user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        const string Scheme = "Basic ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromBase64String(authorizationHeader[Scheme.Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(user + ":" + password));
    }

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };
}
