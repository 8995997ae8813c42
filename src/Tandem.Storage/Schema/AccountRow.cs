using System.ComponentModel.DataAnnotations.Schema;

namespace Tandem.Storage.Schema;

/// <summary>A connected account. Secrets are stored only as <see cref="SecretsEncrypted"/>.</summary>
[Table("accounts")]
public sealed class AccountRow
{
    /// <summary>A Guid in "N" format.</summary>
    [Column("id")]
    public required string Id { get; set; }

    [Column("owner_id")]
    public string? OwnerId { get; set; }

    [Column("app")]
    public required string App { get; set; }

    [Column("name")]
    public required string Name { get; set; }

    /// <summary>The non-secret settings, a JSON object of strings.</summary>
    [Column("settings_json")]
    public required string SettingsJson { get; set; }

    /// <summary>The secrets as a JSON object of strings, sealed by the secret protector.</summary>
    [Column("secrets_encrypted")]
    public required string SecretsEncrypted { get; set; }

    [Column("created_at")]
    public long CreatedAt { get; set; }
}
