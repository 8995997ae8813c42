namespace Tandem.Sandbox.HubSpot;

/// <summary>A change webhooks hear of: <c>contact.creation</c>, <c>contact.propertyChange</c>, <c>contact.deletion</c>, <c>contact.merge</c>.</summary>
internal sealed record ContactChange(string SubscriptionType, long ObjectId, DateTimeOffset OccurredAt)
{
    public string? PropertyName { get; init; }

    public string? PropertyValue { get; init; }

    /// <summary>For a merge: the contact that was merged away.</summary>
    public IReadOnlyList<long> MergedObjectIds { get; init; } = [];
}
