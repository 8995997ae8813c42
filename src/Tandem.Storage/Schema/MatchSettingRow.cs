using System.ComponentModel.DataAnnotations.Schema;

namespace Tandem.Storage.Schema;

/// <summary>What a connection's stored matching keys were read from: when its matching settings change, every record's keys are read again.</summary>
[Table("match_settings")]
public sealed class MatchSettingRow
{
    [Column("connection_id")]
    public required string ConnectionId { get; set; }

    [Column("signature")]
    public required string Signature { get; set; }
}
