using System.ComponentModel.DataAnnotations.Schema;

namespace Tandem.Storage.Identity;

/// <summary>A user's API token. Only a SHA-256 hash of the token is stored; the token itself is shown once, when made.</summary>
[Table("api_tokens")]
public sealed class ApiTokenRow
{
    /// <summary>A Guid in "N" format.</summary>
    [Column("id")]
    public required string Id { get; set; }

    [Column("user_id")]
    public required string UserId { get; set; }

    /// <summary>What the user called it ("CI", "backup script").</summary>
    [Column("name")]
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole token.</summary>
    [Column("token_hash")]
    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, so a user can tell tokens apart.</summary>
    [Column("prefix")]
    public required string Prefix { get; set; }

    [Column("created_at")]
    public long CreatedAt { get; set; }

    [Column("last_used_at")]
    public long? LastUsedAt { get; set; }

    /// <summary>When the token stops working (Unix milliseconds), or null for never.</summary>
    [Column("expires_at")]
    public long? ExpiresAt { get; set; }

    /// <summary>A read-only token signs in GET requests only.</summary>
    [Column("read_only")]
    public bool ReadOnly { get; set; }
}
