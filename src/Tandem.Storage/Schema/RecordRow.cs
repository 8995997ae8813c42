using System.ComponentModel.DataAnnotations.Schema;

namespace Tandem.Storage.Schema;

/// <summary>What Tandem last saw of one record on one side.</summary>
[Table("records")]
public sealed class RecordRow
{
    [Column("connection_id")]
    public required string ConnectionId { get; set; }

    [Column("side")]
    public int Side { get; set; }

    [Column("record_id")]
    public required string RecordId { get; set; }

    [Column("version")]
    public string? Version { get; set; }

    [Column("content_hash")]
    public long ContentHash { get; set; }

    [Column("email_key")]
    public string? EmailKey { get; set; }

    /// <summary>For an unlinked record that matching reported (a twin, a chain…): the verdict, e.g. "1:email:2"; see the engine's MatchVerdict.</summary>
    [Column("match_issue")]
    public string? MatchIssue { get; set; }

    [Column("snapshot")]
    public string? Snapshot { get; set; }

    [Column("dirty")]
    public bool Dirty { get; set; }

    [Column("deleted")]
    public bool Deleted { get; set; }

    [Column("scan_gen")]
    public long ScanGen { get; set; }
}
