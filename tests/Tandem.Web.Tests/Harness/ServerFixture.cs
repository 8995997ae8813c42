using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tandem.Connectors.Testing.Databases;
using Tandem.Storage.Identity;
using Tandem.Web.Hosting;
using Tandem.Web.Identity;
using Tandem.Web.Identity.ApiTokens;

namespace Tandem.Web.Tests.Harness;

/// <summary>
/// A real Tandem server on 127.0.0.1 (a free port) with the sandbox apps beside it, over a fresh SQLite file in a
/// temp folder or a fresh database on the test PostgreSQL (<see cref="TestPostgres"/>). One per test class; tests
/// isolate themselves by signing up users of their own.
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    private readonly StoreKind kind;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tandem-web-tests", Guid.NewGuid().ToString("N"));
    private string? postgresServer;
    private string? postgresDatabase;
    private TandemWebServer? server;

    protected ServerFixture(StoreKind kind)
    {
        this.kind = kind;
    }

    public TandemWebServer Server => server ?? throw new InvalidOperationException(SkipReason ?? "The server is not started.");

    /// <summary>Why the server was not started (PostgreSQL not configured), or null.</summary>
    public string? SkipReason { get; private set; }

    public Uri BaseAddress => Server.BaseAddress;

    /// <summary>More settings for the server of a fixture that needs them (<c>--Tandem:PublicUrl=…</c>).</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    /// <summary>Changes the server's builder before it is built (an in-memory exporter).</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public async ValueTask InitializeAsync()
    {
        var args = new List<string>
        {
            "--Tandem:Port=0",
            $"--Tandem:DataFolder={folder}",
            "--Tandem:WatchIntervalSeconds=1",
            "--Tandem:PaceByCostModel=false",
            "--Tandem:Sandbox:Enabled=true",
            "--Tandem:Sandbox:BasePort=0",
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange(ExtraArguments);
        if (kind == StoreKind.PostgreSql)
        {
            postgresServer = await TestPostgres.ServerAsync();
            if (postgresServer is null)
            {
                SkipReason = $"PostgreSQL 15 is not installed and {TestPostgres.EnvironmentVariable} is not set; .ci/run installs it.";
                return;
            }

            postgresDatabase = $"tandem_web_{Guid.NewGuid():N}";
            await ExecuteAsync(postgresServer, $"CREATE DATABASE \"{postgresDatabase}\"");
            args.Add($"--Tandem:Database={new NpgsqlConnectionStringBuilder(postgresServer) { Database = postgresDatabase }.ConnectionString}");
        }

        server = await TandemWebServer.CreateAsync([.. args], Configure);
        await server.StartAsync();
    }

    /// <summary>Skips the calling test when this fixture's database is not available.</summary>
    public void SkipUnlessRunning() => Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);

    /// <summary>Signs up a new user directly (as the sign-up page does) and gives back a client holding an API token of theirs.</summary>
    public async Task<ApiClient> NewUserAsync(string? email = null)
    {
        SkipUnlessRunning();
        email ??= $"user-{Guid.NewGuid():N}@example.test";
        await using var scope = Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TandemUser>>();
        var user = new TandemUser { UserName = email, Email = email };
        var created = await users.CreateAsync(user, "correct horse battery");
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        var token = await Server.Services.GetRequiredService<ApiTokenService>().CreateAsync(new Owner(user.Id), "tests", CancellationToken.None);
        return new ApiClient(BaseAddress, token.Token, user.Id);
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Seen now and then: a file reappears in the data folder while it is being removed (an empty tandem.db,
                // as if a run's last database open outlived the server's shutdown). The temp folder is the system's to
                // clean; the test's own assertions have run.
            }
        }

        if (postgresServer is not null && postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(postgresServer, $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)");
        }

        GC.SuppressFinalize(this);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A server over SQLite.</summary>
public sealed class SqliteServer() : ServerFixture(StoreKind.Sqlite);

/// <summary>A server over PostgreSQL (skipped when there is no test PostgreSQL).</summary>
public sealed class PostgresServer() : ServerFixture(StoreKind.PostgreSql);
