using Tandem.Domain.Configuration;

namespace Tandem.Storage.Connections;

/// <summary>A connection to store: two accounts of the same owner and the settings that join them.</summary>
/// <param name="OwnerId">The user or team it belongs to; null in single-user mode. Both accounts must have the same owner.</param>
/// <param name="Name">What the user sees.</param>
/// <param name="AccountAId">The account of side A.</param>
/// <param name="AccountBId">The account of side B.</param>
/// <param name="Settings">Direction, rules, winning app, mappings, options.</param>
public sealed record NewConnection(string? OwnerId, string Name, string AccountAId, string AccountBId, ConnectionSettings Settings)
{
    /// <summary>A new connection starts with its first scan unless told otherwise (e.g. paused for review).</summary>
    public ConnectionState State { get; init; } = ConnectionState.Scanning;
}
