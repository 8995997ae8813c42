using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Cost;
using Tandem.Connectors.Http;

namespace Tandem.Connectors.Catalog;

/// <summary>What a connector gets from its host: the clock, logging, and which addresses it may reach.</summary>
public sealed record ConnectorContext(TimeProvider Time, ILoggerFactory LoggerFactory)
{
    /// <summary>The system clock, no logging, public addresses only.</summary>
    public static ConnectorContext Default { get; } = new(TimeProvider.System, NullLoggerFactory.Instance);

    /// <summary>Where the connector's HTTP may go; public addresses only unless the host says otherwise.</summary>
    public NetworkPolicy Network { get; init; } = NetworkPolicy.PublicOnly;

    /// <summary>The app's catalogue key (<c>pipedrive</c>), which labels this connector's API calls in metrics and traces.</summary>
    public string? App { get; init; }

    /// <summary>The connection the connector works for, which labels its API calls; null outside a run (a settings test).</summary>
    public string? ConnectionId { get; init; }

    /// <summary>
    /// The account's budget at its app, which every API call of this connector spends from (its cost from the budget's
    /// model); null counts nothing (a settings test, a tool).
    /// </summary>
    public AccountBudget? Budget { get; init; }

    /// <summary>This context, also allowing these exact base URLs (a sandbox or a test server on 127.0.0.1).</summary>
    public ConnectorContext Allowing(params Uri[] urls) => this with { Network = Network.AndAllowing(urls) };
}
