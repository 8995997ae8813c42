namespace Tandem.Sandbox.Pipedrive;

/// <summary>One webhook of the sandbox company (v1 <c>BaseWebhook</c>), with the outcome of its last delivery.</summary>
internal sealed record StoredWebhook(int Id, string Name, Uri SubscriptionUrl, string EventAction, string EventObject, string? HttpAuthUser, string? HttpAuthPassword, int UserId, DateTimeOffset AddedAt)
{
    public DateTimeOffset? LastDeliveryTime { get; set; }

    public int? LastHttpStatus { get; set; }

    /// <summary>Whether a change of <paramref name="entity"/> by <paramref name="action"/> (create, change, delete) is wanted.</summary>
    public bool Wants(string action, string entity) =>
        (EventAction == "*" || EventAction == action) && (EventObject == "*" || EventObject == entity);
}
