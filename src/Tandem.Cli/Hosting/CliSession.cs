using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Runtime.Hosting;

namespace Tandem.Cli.Hosting;

/// <summary>One command's open runtime and its logging; disposing it closes the database and flushes the logs.</summary>
internal sealed class CliSession : IAsyncDisposable
{
    private readonly ILoggerFactory loggerFactory;

    private CliSession(TandemRuntime runtime, ILoggerFactory loggerFactory)
    {
        Runtime = runtime;
        this.loggerFactory = loggerFactory;
    }

    public TandemRuntime Runtime { get; }

    public static async Task<CliSession> OpenAsync(GlobalOptions global, ParseResult parse, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var loggerFactory = CreateLoggerFactory(environment.ConsoleLogging, parse.GetValue(global.Verbose));
        try
        {
            var runtime = await TandemRuntime.OpenAsync(
                new RuntimeOptions
                {
                    Database = global.DatabaseOptions(parse, environment),
                    KeyFilePath = parse.GetValue(global.KeyFile),
                    Time = environment.Time,
                    LoggerFactory = loggerFactory,
                    Catalog = environment.Apps.Connectors,
                    Environment = environment.GetVariable,
                    Network = global.Network(parse),
                },
                cancellationToken);
            return new CliSession(runtime, loggerFactory);
        }
        catch
        {
            loggerFactory.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        loggerFactory.Dispose();
    }

    private static ILoggerFactory CreateLoggerFactory(bool console, bool verbose)
    {
        if (!console)
        {
            return NullLoggerFactory.Instance;
        }

        return LoggerFactory.Create(builder => builder
            .SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddSimpleConsole(o => o.SingleLine = true)

            // Logs go to stderr so that stdout carries only results, fit for scripts.
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
    }
}
