using System.ComponentModel.DataAnnotations.Schema;

namespace Tandem.Storage.Schema;

/// <summary>One matching key (kind and normalised value, "email:ann@example.com") held by a record: every email it has, not only the primary one.</summary>
[Table("match_keys")]
public sealed class MatchKeyRow
{
    [Column("connection_id")]
    public required string ConnectionId { get; set; }

    [Column("side")]
    public int Side { get; set; }

    [Column("record_id")]
    public required string RecordId { get; set; }

    [Column("key")]
    public required string Key { get; set; }
}
