using System.Text.Json.Nodes;

namespace Tandem.Sandbox.Mailchimp;

/// <summary>One member (an email address in one audience), as the sandbox holds it. Guarded by the store's lock.</summary>
internal sealed class StoredMember
{
    public required string Email { get; set; }

    public required string UniqueEmailId { get; init; }

    public required int WebId { get; init; }

    public required string ContactId { get; init; }

    public required string Status { get; set; }

    public string EmailType { get; set; } = "html";

    public string? UnsubscribeReason { get; set; }

    /// <summary>Merge values by tag; a missing tag is empty ("" on the wire).</summary>
    public Dictionary<string, JsonNode> Merges { get; } = new(StringComparer.Ordinal);

    /// <summary>The ids of the interests (groups) the member is in; every other interest of the audience is false.</summary>
    public HashSet<string> Interests { get; } = new(StringComparer.Ordinal);

    /// <summary>Tag ids, in the order they were added.</summary>
    public List<int> TagIds { get; } = [];

    public bool Vip { get; set; }

    public string Language { get; set; } = string.Empty;

    public required DateTimeOffset SignedUp { get; init; }

    public DateTimeOffset Opted { get; set; }

    public DateTimeOffset LastChanged { get; set; }

    /// <summary>Insertion order, the tie-breaker of every sort.</summary>
    public required long Sequence { get; init; }

    public required string Source { get; init; }
}
