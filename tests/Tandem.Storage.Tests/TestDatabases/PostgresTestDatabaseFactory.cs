using Npgsql;

namespace Tandem.Storage.Tests.TestDatabases;

/// <summary>
/// A new database on the server named by <c>TANDEM_TEST_POSTGRES</c>, dropped afterwards. Without that
/// variable every PostgreSQL test is skipped.
/// </summary>
public sealed class PostgresTestDatabaseFactory : ITestDatabaseFactory
{
    public const string EnvironmentVariable = "TANDEM_TEST_POSTGRES";

    public async Task<(DatabaseOptions Options, Func<Task> DropAsync)> CreateEmptyAsync(CancellationToken cancellationToken)
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        Assert.SkipWhen(
            string.IsNullOrWhiteSpace(server),
            $"{EnvironmentVariable} is not set. Start a server with scripts/start-postgres.sh and export the connection string it prints.");

        var name = $"tandem_test_{Guid.NewGuid():N}";
        await ExecuteAsync(server!, $"CREATE DATABASE \"{name}\"", cancellationToken);
        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.PostgreSql,
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
        };
        return (options, () => ExecuteAsync(server!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None));
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
