using System.ComponentModel.DataAnnotations.Schema;

namespace Tandem.Storage.Schema;

/// <summary>
/// Two unlinked records, one per side, with the same name and the same phone number or company but no shared
/// key: proposed to the user, and what the user decided (<c>Tandem.Engine.Matching.PossibleMatchDecision</c>).
/// A decided row stays, so a pair kept apart is never proposed again.
/// </summary>
[Table("possible_matches")]
public sealed class PossibleMatchRow
{
    [Column("id")]
    public long Id { get; set; }

    [Column("connection_id")]
    public required string ConnectionId { get; set; }

    [Column("a_id")]
    public required string AId { get; set; }

    [Column("b_id")]
    public required string BId { get; set; }

    /// <summary>The likeness key they share ("likely:ann lee|phone:3247…").</summary>
    [Column("shared_key")]
    public required string SharedKey { get; set; }

    [Column("decision")]
    public int Decision { get; set; }

    /// <summary>A run has taken the decision into account (a decision not yet settled makes the next run match).</summary>
    [Column("settled")]
    public bool Settled { get; set; }

    [Column("proposed_at")]
    public long ProposedAt { get; set; }

    [Column("decided_at")]
    public long? DecidedAt { get; set; }
}
