using Npgsql;
using Tandem.Cli.Tests.Support;
using Tandem.Connectors.Testing.Databases;
using Tandem.Storage;

namespace Tandem.Cli.Tests.Commands;

/// <summary>
/// Issue 22's upgrade rule on PostgreSQL, with real processes: two <c>tandem</c> processes starting on one new database
/// at once both end well, one having migrated it while the other waited. Runs on the test PostgreSQL (a throwaway
/// cluster when PostgreSQL 15 is installed), skipped without one.
/// </summary>
public sealed class MigrationLockOnPostgresTests : IAsyncLifetime
{
    private static readonly TimeSpan WaitingDeadline = TimeSpan.FromSeconds(90);

    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "tandem-migration-lock", Guid.NewGuid().ToString("N"))).FullName;
    private readonly string name = $"tandem_lock_{Guid.NewGuid():N}";
    private string? server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }

        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Two_processes_starting_on_one_new_database_both_succeed_one_migrating_while_the_other_waits()
    {
        server = await TestPostgres.RequireAsync();
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;

        // The test holds the table EF Core's PostgreSQL provider locks to migrate (LOCK TABLE on its history table), so
        // both processes are in the database and waiting before either may go on; then they race for the same lock.
        await using var holder = new NpgsqlConnection(database);
        await holder.OpenAsync(Ct);
        await RunAsync(holder, null, "CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" character varying(150) NOT NULL PRIMARY KEY, \"ProductVersion\" character varying(32) NOT NULL)");
        var hold = await holder.BeginTransactionAsync(Ct);
        await RunAsync(holder, hold, "LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE");

        // Each its own key file: this test is about the database; servers sharing one copy the same key (operations.md).
        var first = TandemProcess.RunAsync(folder, "--database", database, "--key-file", Path.Combine(folder, "first.key"), "status");
        var second = TandemProcess.RunAsync(folder, "--database", database, "--key-file", Path.Combine(folder, "second.key"), "status");
        // Watched from a connection of its own: inside the holder's transaction PostgreSQL would show one snapshot of its sessions.
        await using var observer = new NpgsqlConnection(database);
        await observer.OpenAsync(Ct);
        await WaitUntilBothWaitAsync(observer, first, second);
        await hold.RollbackAsync(Ct);
        var results = await Task.WhenAll(first, second);

        Assert.All(results, r => Assert.Equal((0, "No connections yet; add some with: tandem setup FILE"), (r.ExitCode, r.Output.Trim())));
        await using var tandem = new TandemDatabase(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = database });
        var schema = await tandem.InspectSchemaAsync(identity: false, Ct);
        Assert.True(schema.IsCurrent);
    }

    /// <summary>Polls PostgreSQL's own view of its sessions until two are waiting for a lock in this database.</summary>
    private async Task WaitUntilBothWaitAsync(NpgsqlConnection observer, params Task<(int ExitCode, string Output)>[] processes)
    {
        var deadline = DateTime.UtcNow + WaitingDeadline;
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @name AND wait_event_type = 'Lock'", observer);
            command.Parameters.AddWithValue("name", name);
            if ((long)(await command.ExecuteScalarAsync(Ct))! == 2)
            {
                return;
            }

            if (processes.FirstOrDefault(p => p.IsCompleted) is { } ended)
            {
                Assert.Fail($"A tandem process ended before waiting for the migration lock: {(await ended).Output}");
            }

            Assert.True(DateTime.UtcNow < deadline, "The two tandem processes did not both reach the database in time: " + await SessionsAsync(observer));

            // Polling PostgreSQL's session view, not sleeping for a guessed time: this ends once both wait.
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>What each session of this database is doing, for a failure's message.</summary>
    private async Task<string> SessionsAsync(NpgsqlConnection observer)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(state, '') || ' ' || coalesce(wait_event_type, '') || ' ' || coalesce(wait_event, '') || ' ' || left(coalesce(query, ''), 80) FROM pg_stat_activity WHERE datname = @name", observer);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var sessions = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            sessions.Add(reader.GetString(0));
        }

        return string.Join(" | ", sessions);
    }

    private static async Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await RunAsync(connection, null, sql);
    }
}
