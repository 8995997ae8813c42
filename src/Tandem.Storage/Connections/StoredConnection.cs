using Tandem.Domain.Configuration;

namespace Tandem.Storage.Connections;

/// <summary>A connection as read back.</summary>
/// <param name="Id">A Guid in "N" format.</param>
/// <param name="OwnerId">The user or team it belongs to; null in single-user mode.</param>
/// <param name="Name">What the user sees.</param>
/// <param name="AccountAId">The account of side A.</param>
/// <param name="AccountBId">The account of side B.</param>
/// <param name="Settings">Direction, rules, winning app, mappings, options.</param>
/// <param name="State">What the connection is doing.</param>
/// <param name="StateReason">Why it is in that state (e.g. why it needs attention), or null.</param>
/// <param name="GuardAcknowledged">A person reviewed a tripped deletion guard and let the run go ahead.</param>
/// <param name="CreatedAt">When it was first stored.</param>
/// <param name="UpdatedAt">When anything of it last changed.</param>
/// <param name="LastRunAt">When its last sync run happened, or null before the first.</param>
public sealed record StoredConnection(
    string Id,
    string? OwnerId,
    string Name,
    string AccountAId,
    string AccountBId,
    ConnectionSettings Settings,
    ConnectionState State,
    string? StateReason,
    bool GuardAcknowledged,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastRunAt)
{
    /// <summary>The id side A's app gave the webhook Tandem registered there, or null.</summary>
    public string? WebhookAId { get; init; }

    /// <summary>The id side B's app gave the webhook Tandem registered there, or null.</summary>
    public string? WebhookBId { get; init; }

    /// <summary>Why registering or removing a webhook last failed, in words for the user, or null.</summary>
    public string? WebhookProblem { get; init; }

    public string AccountIdOf(Side side) => side == Side.A ? AccountAId : AccountBId;

    public string? WebhookIdOf(Side side) => side == Side.A ? WebhookAId : WebhookBId;
}
