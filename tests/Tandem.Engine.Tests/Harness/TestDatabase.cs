using Npgsql;
using Tandem.Connectors.Testing.Databases;
using Tandem.Storage;

namespace Tandem.Engine.Tests.Harness;

/// <summary>A fresh, migrated database for one test: a SQLite file in a temp folder, or a new database on the test PostgreSQL (<see cref="TestPostgres"/>).</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> drop;

    private TestDatabase(TandemDatabase database, Func<Task> drop)
    {
        Database = database;
        this.drop = drop;
    }

    public TandemDatabase Database { get; }

    public static async Task<TestDatabase> CreateAsync(StoreKind kind, CancellationToken cancellationToken)
    {
        DatabaseOptions options;
        Func<Task> drop;
        if (kind == StoreKind.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "tandem-engine-tests", Guid.NewGuid().ToString("N"));
            options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "tandem.db")}" };
            drop = () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            };
        }
        else
        {
            var server = await TestPostgres.RequireAsync();
            var name = $"tandem_engine_{Guid.NewGuid():N}";
            await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"", cancellationToken);
            options = new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString };
            drop = () => ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
        }

        var database = await TandemDatabase.OpenAsync(options, cancellationToken);
        await database.MigrateAsync(cancellationToken);
        return new TestDatabase(database, drop);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await drop();
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
