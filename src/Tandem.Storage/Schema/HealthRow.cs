using System.ComponentModel.DataAnnotations.Schema;

namespace Tandem.Storage.Schema;

/// <summary>The health of one contact: in sync, excluded or failed, with the reason.</summary>
[Table("health")]
public sealed class HealthRow
{
    [Column("connection_id")]
    public required string ConnectionId { get; set; }

    [Column("side")]
    public int Side { get; set; }

    [Column("record_id")]
    public required string RecordId { get; set; }

    [Column("status")]
    public int Status { get; set; }

    [Column("reason")]
    public string? Reason { get; set; }

    [Column("content_hash")]
    public long ContentHash { get; set; }

    [Column("updated_at")]
    public long UpdatedAt { get; set; }
}
