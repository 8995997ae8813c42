using System.ComponentModel.DataAnnotations.Schema;

namespace Tandem.Storage.Schema;

/// <summary>A connection: two accounts and the settings that join them.</summary>
[Table("connections")]
public sealed class ConnectionRow
{
    [Column("id")]
    public required string Id { get; set; }

    [Column("owner_id")]
    public string? OwnerId { get; set; }

    [Column("name")]
    public required string Name { get; set; }

    [Column("account_a_id")]
    public required string AccountAId { get; set; }

    [Column("account_b_id")]
    public required string AccountBId { get; set; }

    /// <summary>The settings in the shape of <c>ConnectionSettingsJson</c>.</summary>
    [Column("settings_json")]
    public required string SettingsJson { get; set; }

    /// <summary>A <c>ConnectionState</c> as its number.</summary>
    [Column("state")]
    public int State { get; set; }

    [Column("state_reason")]
    public string? StateReason { get; set; }

    [Column("guard_acknowledged")]
    public bool GuardAcknowledged { get; set; }

    [Column("created_at")]
    public long CreatedAt { get; set; }

    [Column("updated_at")]
    public long UpdatedAt { get; set; }

    [Column("last_run_at")]
    public long? LastRunAt { get; set; }

    /// <summary>The id side A's app gave the webhook Tandem registered there, or null.</summary>
    [Column("webhook_a_id")]
    public string? WebhookAId { get; set; }

    /// <summary>The id side B's app gave the webhook Tandem registered there, or null.</summary>
    [Column("webhook_b_id")]
    public string? WebhookBId { get; set; }

    /// <summary>Why registering or removing a webhook last failed, in words for the user, or null.</summary>
    [Column("webhook_problem")]
    public string? WebhookProblem { get; set; }
}
