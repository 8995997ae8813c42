using Microsoft.Extensions.Logging;
using Tandem.Connectors.Catalog;
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

    /// <summary>Reads environment variables (set-up files may take secrets from them); null reads the process's.</summary>
    public Func<string, string?>? Environment { get; init; }
}
