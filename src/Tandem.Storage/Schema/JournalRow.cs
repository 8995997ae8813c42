using System.ComponentModel.DataAnnotations.Schema;

namespace Tandem.Storage.Schema;

/// <summary>One intended write of a run, recorded before it is made so a crash never repeats it.</summary>
[Table("journal")]
public sealed class JournalRow
{
    [Column("id")]
    public long Id { get; set; }

    [Column("connection_id")]
    public required string ConnectionId { get; set; }

    [Column("run_id")]
    public long RunId { get; set; }

    [Column("side")]
    public int Side { get; set; }

    [Column("kind")]
    public required string Kind { get; set; }

    [Column("record_id")]
    public string? RecordId { get; set; }

    [Column("client_ref")]
    public string? ClientRef { get; set; }

    [Column("email_key")]
    public string? EmailKey { get; set; }

    [Column("source_record_id")]
    public string? SourceRecordId { get; set; }

    [Column("state")]
    public int State { get; set; }

    [Column("detail")]
    public string? Detail { get; set; }

    [Column("created_at")]
    public long CreatedAt { get; set; }

    [Column("completed_at")]
    public long? CompletedAt { get; set; }
}
