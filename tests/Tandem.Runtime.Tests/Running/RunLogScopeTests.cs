using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.InMemory;
using Tandem.Domain.Configuration;
using Tandem.Engine;
using Tandem.Runtime.Hosting;
using Tandem.Storage;
using Tandem.Storage.Accounts;
using Tandem.Storage.Connections;

namespace Tandem.Runtime.Tests.Running;

public sealed class RunLogScopeTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tandem-scope-tests", Guid.NewGuid().ToString("N"));
    private readonly InMemoryAppRegistry apps = new();
    private readonly ScopeCapture capture = new();
    private ILoggerFactory loggers = null!;
    private TandemRuntime runtime = null!;

    public async ValueTask InitializeAsync()
    {
        loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        runtime = await TandemRuntime.OpenAsync(
            new RuntimeOptions
            {
                Database = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "tandem.db")}" },
                Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)),
                Catalog = new ConnectorCatalog([new InMemoryConnectorFactory(apps)]),
                LoggerFactory = loggers,
            },
            TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await runtime.DisposeAsync();
        loggers.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Every_line_logged_during_a_run_names_the_connection_and_every_engine_line_names_the_run()
    {
        var ct = TestContext.Current.CancellationToken;
        apps.Add(new InMemoryApp(new InMemoryAppOptions { Name = "crm", IdPrefix = "a" })).CreatePerson("Ann", "Lee", "ann@example.com");
        apps.Add(new InMemoryApp(new InMemoryAppOptions { Name = "book", IdPrefix = "b" }));
        var a = await runtime.Accounts.AddAsync(new NewAccount(null, "in-memory", "crm", new Dictionary<string, string> { ["app"] = "crm" }, new Dictionary<string, string>()), ct);
        var b = await runtime.Accounts.AddAsync(new NewAccount(null, "in-memory", "book", new Dictionary<string, string> { ["app"] = "book" }, new Dictionary<string, string>()), ct);
        var id = (await runtime.Connections.AddAsync(new NewConnection(null, "crm-book", a.Id, b.Id, new ConnectionSettings()), ct)).Id;
        capture.Lines.Clear();

        var result = await runtime.Runner.RunAsync(id, new RunOptions(), ct);

        Assert.Equal(RunOutcome.Completed, result.Report!.Outcome);
        var lines = capture.Lines.ToList();
        Assert.Contains(lines, l => l.Category.EndsWith(".SyncEngine", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Equal(id, l.Scope.GetValueOrDefault("ConnectionId")?.ToString()));
        var runIds = lines.Where(l => l.Category.EndsWith(".SyncEngine", StringComparison.Ordinal)).Select(l => l.Scope.GetValueOrDefault("RunId")?.ToString()).Distinct().ToList();
        Assert.Single(runIds);
        Assert.NotNull(runIds[0]);
    }

    private sealed record Line(string Category, IReadOnlyDictionary<string, object?> Scope);

    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<Line> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
                owner.scopes.ForEachScope(
                    (value, into) =>
                    {
                        if (value is IEnumerable<KeyValuePair<string, object>> pairs)
                        {
                            foreach (var (key, item) in pairs)
                            {
                                into[key] = item;
                            }
                        }
                    },
                    scope);
                owner.Lines.Enqueue(new Line(category, scope));
            }
        }
    }
}
