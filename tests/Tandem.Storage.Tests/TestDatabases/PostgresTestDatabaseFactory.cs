using Npgsql;
using Tandem.Connectors.Testing.Databases;

namespace Tandem.Storage.Tests.TestDatabases;

/// <summary>
/// A new database on the test PostgreSQL (<see cref="TestPostgres"/>: the server <c>TANDEM_TEST_POSTGRES</c> names, or a
/// throwaway cluster), dropped afterwards. Without PostgreSQL every PostgreSQL test is skipped.
/// </summary>
public sealed class PostgresTestDatabaseFactory : ITestDatabaseFactory
{
    public async Task<(DatabaseOptions Options, Func<Task> DropAsync)> CreateEmptyAsync(CancellationToken cancellationToken)
    {
        var server = await TestPostgres.RequireAsync();

        var name = $"tandem_test_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"", cancellationToken);
        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.PostgreSql,
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
        };
        return (options, () => ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None));
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        // No pooling: a pooled idle connection to the test database would linger after the drop.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
