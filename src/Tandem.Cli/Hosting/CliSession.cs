using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Runtime.Hosting;
using Tandem.Runtime.Setup;

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

    public static Task<CliSession> OpenAsync(GlobalOptions global, ParseResult parse, CliEnvironment environment, CancellationToken cancellationToken) =>
        OpenAsync(global, parse, environment, [], cancellationToken);

    /// <summary>
    /// Reads and checks a set-up file first (nothing is opened when it is bad), then opens the runtime with the
    /// internal hosts the file names allowed, and says so on standard error so the operator sees what the file reaches.
    /// </summary>
    public static async Task<(CliSession Session, SetupFile Setup)> OpenForSetupAsync(GlobalOptions global, ParseResult parse, CliEnvironment environment, string path, CancellationToken cancellationToken)
    {
        var setup = await new SetupFileLoader(environment.Apps.Connectors, environment.GetVariable).LoadAsync(path, cancellationToken);
        if (setup.AllowedInternalHosts.Count > 0 && !parse.GetValue(global.AllowInternalUrls))
        {
            await environment.Error.WriteLineAsync($"tandem: {path} lets its accounts reach these internal hosts: {string.Join(", ", setup.AllowedInternalHosts)}.");
        }

        return (await OpenAsync(global, parse, environment, setup.AllowedInternalHosts, cancellationToken), setup);
    }

    private static async Task<CliSession> OpenAsync(GlobalOptions global, ParseResult parse, CliEnvironment environment, IReadOnlyList<string> fileHosts, CancellationToken cancellationToken)
    {
        var loggerFactory = CreateLoggerFactory(environment.ConsoleLogging, parse.GetValue(global.Verbose), parse.GetValue(global.LogFormat) == "json");
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
                    Network = global.Network(parse, fileHosts),
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

    private static ILoggerFactory CreateLoggerFactory(bool console, bool verbose, bool json)
    {
        if (!console)
        {
            return NullLoggerFactory.Instance;
        }

        return LoggerFactory.Create(builder =>
        {
            builder
                .SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning)
                .AddFilter("Microsoft", LogLevel.Warning);

            // The runner and the engine open scopes with the connection's and the run's id; both formats print them,
            // so every line of a run says which connection and which run it belongs to.
            if (json)
            {
                builder.AddJsonConsole(o => o.IncludeScopes = true);
            }
            else
            {
                builder.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.IncludeScopes = true;
                });
            }

            // Logs go to stderr so that stdout carries only results, fit for scripts.
            builder.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
    }
}
