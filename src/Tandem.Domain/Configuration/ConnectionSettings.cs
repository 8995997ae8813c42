using System.Text.Json.Serialization;

namespace Tandem.Domain.Configuration;

/// <summary>Everything a user configures on a connection, except which accounts it joins.</summary>
public sealed record ConnectionSettings
{
    public SyncDirection Direction { get; init; } = SyncDirection.TwoWay;

    /// <summary>Whose value is kept when the sides disagree at first match or both changed the same field.</summary>
    public Side WinningSide { get; init; } = Side.A;

    public IReadOnlyList<Rule> RulesA { get; init; } = [Rule.Everything];

    public IReadOnlyList<Rule> RulesB { get; init; } = [Rule.Everything];

    /// <summary>The field mappings; empty means "the default mapping for this pair of apps".</summary>
    public IReadOnlyList<FieldMapping> Mappings { get; init; } = [];

    public SyncOptions Options { get; init; } = new();

    /// <summary>
    /// The keys contacts are matched on, in order of precedence: email (the default), and optionally phone
    /// (E.164) and a custom unique field per side. A contact the first key cannot decide goes on to the next.
    /// </summary>
    public IReadOnlyList<MatchKeyChoice> MatchOn { get; init; } = [MatchKeyChoice.Email];

    /// <summary>"contacts" or "leads", where an app has both.</summary>
    public string ContactType { get; init; } = "contacts";

    public IReadOnlyList<Rule> RulesOf(Side side) => side == Side.A ? RulesA : RulesB;

    /// <summary>The winning side for a one-way connection is always its source.</summary>
    [JsonIgnore]
    public Side EffectiveWinner => Direction switch
    {
        SyncDirection.AToB => Side.A,
        SyncDirection.BToA => Side.B,
        _ => WinningSide,
    };
}
