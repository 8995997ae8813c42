using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tandem.Connectors.Catalog;

/// <summary>What a connector gets from its host: the clock and logging.</summary>
public sealed record ConnectorContext(TimeProvider Time, ILoggerFactory LoggerFactory)
{
    public static ConnectorContext Default { get; } = new(TimeProvider.System, NullLoggerFactory.Instance);
}
