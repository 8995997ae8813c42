using Tandem.Connectors.Contract;
using Tandem.Domain.Configuration;
using Tandem.Engine.State;

namespace Tandem.Engine;

/// <summary>
/// One run of one connection: its configuration, a connector per side and the state store. Whoever
/// schedules runs (the CLI, the server's workers, later a distributed runtime) builds this; the engine
/// keeps nothing between runs except what the store holds.
/// </summary>
public sealed record SyncRequest(
    string ConnectionId,
    ConnectionSettings Settings,
    IContactConnector ConnectorA,
    IContactConnector ConnectorB,
    ISyncStateStore State)
{
    public RunOptions Options { get; init; } = new();

    public string NameA { get; init; } = "A";

    public string NameB { get; init; } = "B";

    /// <summary>Side A's app key (<c>pipedrive</c>), for metrics and traces; null when the caller does not say.</summary>
    public string? AppA { get; init; }

    /// <summary>Side B's app key, for metrics and traces.</summary>
    public string? AppB { get; init; }

    /// <summary>Where the accounts' schemas are kept between runs; null reads both schemas on every run.</summary>
    public Planning.SchemaCache? Schemas { get; init; }

    /// <summary>Side A's account, the key of its schema in <see cref="Schemas"/>; null reads its schema every run.</summary>
    public string? AccountA { get; init; }

    /// <summary>Side B's account, the key of its schema in <see cref="Schemas"/>.</summary>
    public string? AccountB { get; init; }

    public IContactConnector ConnectorOf(Side side) => side == Side.A ? ConnectorA : ConnectorB;
}
