using Tandem.Domain.Configuration;

namespace Tandem.Web.Services.Connections;

/// <summary>
/// The wizard's choices for a connection (PRODUCT.md §3). Left-out values take the defaults: two-way, side A
/// wins, one filterless rule per side, the default mapping of the pair, avoid duplicates on.
/// </summary>
/// <param name="Name">What the user calls it; empty makes "App A ↔ App B".</param>
/// <param name="AccountA">The account of side A.</param>
/// <param name="AccountB">The account of side B.</param>
public sealed record ConnectionDraft(string? Name, string AccountA, string AccountB)
{
    /// <summary>"contacts", or "leads" where both apps have them.</summary>
    public string? ContactType { get; init; }

    public SyncDirection? Direction { get; init; }

    public Side? WinningSide { get; init; }

    public IReadOnlyList<Rule>? RulesA { get; init; }

    public IReadOnlyList<Rule>? RulesB { get; init; }

    /// <summary>The rows; null or empty uses the default mapping of the two apps.</summary>
    public IReadOnlyList<FieldMapping>? Mappings { get; init; }

    public SyncOptions? Options { get; init; }

    /// <summary>The keys contacts are matched on, in order of precedence; null or empty matches on email.</summary>
    public IReadOnlyList<MatchKeyChoice>? MatchOn { get; init; }

    /// <summary>The settings these choices make.</summary>
    public ConnectionSettings ToSettings() => new()
    {
        ContactType = string.IsNullOrWhiteSpace(ContactType) ? "contacts" : ContactType.Trim(),
        Direction = Direction ?? SyncDirection.TwoWay,
        WinningSide = WinningSide ?? Side.A,
        RulesA = RulesA ?? [Rule.Everything],
        RulesB = RulesB ?? [Rule.Everything],
        Mappings = Mappings ?? [],
        Options = Options ?? new SyncOptions(),
        MatchOn = MatchOn is { Count: > 0 } keys ? keys : [MatchKeyChoice.Email],
    };
}
