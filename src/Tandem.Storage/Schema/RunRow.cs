using System.ComponentModel.DataAnnotations.Schema;

namespace Tandem.Storage.Schema;

/// <summary>One sync run of a connection.</summary>
[Table("runs")]
public sealed class RunRow
{
    [Column("id")]
    public long Id { get; set; }

    [Column("connection_id")]
    public required string ConnectionId { get; set; }

    [Column("started_at")]
    public long StartedAt { get; set; }

    [Column("finished_at")]
    public long? FinishedAt { get; set; }

    [Column("dry_run")]
    public bool DryRun { get; set; }

    [Column("status")]
    public required string Status { get; set; }

    [Column("stats")]
    public string? Stats { get; set; }

    [Column("error")]
    public string? Error { get; set; }
}
