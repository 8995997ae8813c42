using System.ComponentModel.DataAnnotations.Schema;

namespace Tandem.Storage.Schema;

/// <summary>The binding of a record on side A to one on side B, with their baseline.</summary>
[Table("links")]
public sealed class LinkRow
{
    [Column("id")]
    public long Id { get; set; }

    [Column("connection_id")]
    public required string ConnectionId { get; set; }

    [Column("a_id")]
    public string? AId { get; set; }

    [Column("b_id")]
    public string? BId { get; set; }

    [Column("baseline")]
    public string? Baseline { get; set; }

    [Column("a_deleted")]
    public bool ADeleted { get; set; }

    [Column("b_deleted")]
    public bool BDeleted { get; set; }

    [Column("rules_state")]
    public string? RulesState { get; set; }

    [Column("updated_at")]
    public long UpdatedAt { get; set; }
}
