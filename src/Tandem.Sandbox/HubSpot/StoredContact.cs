namespace Tandem.Sandbox.HubSpot;

/// <summary>One contact as the sandbox keeps it: its properties (all strings, as on the wire), times, archive and merges.</summary>
internal sealed class StoredContact(long id, DateTimeOffset createdAt)
{
    public long Id { get; } = id;

    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    /// <summary>When it was archived (deleted in HubSpot, restorable for 90 days); null while it lives.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>The ids of contacts merged into this one; they now answer as this contact.</summary>
    public List<long> MergedIds { get; } = [];

    public string? Email => Properties.GetValueOrDefault("email");
}
