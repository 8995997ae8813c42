using System.ComponentModel.DataAnnotations.Schema;

namespace Tandem.Storage.Schema;

/// <summary>One line of a connection's activity log.</summary>
[Table("activity")]
public sealed class ActivityRow
{
    [Column("id")]
    public long Id { get; set; }

    [Column("connection_id")]
    public required string ConnectionId { get; set; }

    [Column("run_id")]
    public long? RunId { get; set; }

    [Column("at")]
    public long At { get; set; }

    [Column("side")]
    public int? Side { get; set; }

    [Column("record_id")]
    public string? RecordId { get; set; }

    [Column("kind")]
    public required string Kind { get; set; }

    [Column("message")]
    public required string Message { get; set; }

    [Column("details")]
    public string? Details { get; set; }
}
