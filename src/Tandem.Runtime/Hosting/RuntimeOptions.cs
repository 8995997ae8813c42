using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Http;
using Tandem.Storage;

namespace Tandem.Runtime.Hosting;

/// <summary>What a host (the CLI, later the server) tells the runtime when opening it.</summary>
public sealed record RuntimeOptions
{
    public DatabaseOptions Database { get; init; } = new();

    /// <summary>The master key file; null puts it beside the SQLite file (<see cref="TandemDatabase.DefaultKeyFilePath"/>).</summary>
    public string? KeyFilePath { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The apps, as the host's composition root lists them; the runtime names none itself.</summary>
    public required ConnectorCatalog Catalog { get; init; }

    /// <summary>
    /// Which addresses the connectors may reach: public ones only unless the host's operator allows more (the web
    /// server's <c>Tandem:AllowInternalUrls</c> and its sandbox apps; the command line's <c>--allow-internal-urls</c>).
    /// </summary>
    public NetworkPolicy Network { get; init; } = NetworkPolicy.PublicOnly;

    /// <summary>
    /// Whether every account's calls wait for room in its app's short rate limits (reads and writes per minute, requests per
    /// few seconds, as each app's cost model lists them): the web server's <c>Tandem:PaceByCostModel</c>. Off by default, as a host on a
    /// clock that does not move would wait for ever.
    /// </summary>
    public bool PaceRequests { get; init; }

    /// <summary>Reads environment variables (set-up files may take secrets from them); null reads the process's.</summary>
    public Func<string, string?>? Environment { get; init; }
}
