namespace Tandem.Sandbox.Mailchimp;

/// <summary>One audience (list): its merge fields, members by subscriber hash, tags and webhooks. Guarded by the store's lock.</summary>
internal sealed class StoredAudience
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required int WebId { get; init; }

    public required DateTimeOffset DateCreated { get; init; }

    public List<StoredMergeField> MergeFields { get; } = [];

    public Dictionary<string, StoredMember> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Subscriber hashes of permanently deleted members: they cannot be re-imported.</summary>
    public HashSet<string> Forgotten { get; } = new(StringComparer.Ordinal);

    /// <summary>Tag ids by name (names compare case-insensitively, as in Mailchimp).</summary>
    public Dictionary<string, int> TagIds { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<int, string> TagNames { get; } = [];

    public List<StoredWebhook> Webhooks { get; } = [];

    /// <summary>Interest categories (groups) in display order, each with its interests.</summary>
    public List<StoredInterestCategory> InterestCategories { get; } = [];

    /// <summary>Every interest of the audience, category by category.</summary>
    public IEnumerable<StoredInterest> AllInterests => InterestCategories.SelectMany(c => c.Interests);

    public StoredMergeField? MergeField(string tag) => MergeFields.FirstOrDefault(f => string.Equals(f.Tag, tag, StringComparison.OrdinalIgnoreCase));
}
