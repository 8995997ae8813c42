using System.ComponentModel.DataAnnotations.Schema;

namespace Tandem.Storage.Schema;

/// <summary>The change-feed cursor of one side of a connection.</summary>
[Table("cursors")]
public sealed class CursorRow
{
    [Column("connection_id")]
    public required string ConnectionId { get; set; }

    [Column("side")]
    public int Side { get; set; }

    [Column("cursor")]
    public required string Cursor { get; set; }

    [Column("updated_at")]
    public long UpdatedAt { get; set; }
}
