using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Tandem.Storage.Tests.TestDatabases;

namespace Tandem.Storage.Tests.Sqlite;

public sealed class SqliteDatabaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Opening_creates_the_file_and_its_folder_in_write_ahead_log_mode()
    {
        await using var fixture = await StorageFixture.CreateAsync(new SqliteTestDatabaseFactory(), Ct);

        Assert.True(File.Exists(fixture.Database.SqliteFilePath));
        await using var connection = await fixture.Database.OpenConnectionAsync(Ct);
        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
    }

    [Fact]
    public async Task Raw_connections_run_with_foreign_keys_normal_sync_and_a_busy_timeout()
    {
        await using var fixture = await StorageFixture.CreateAsync(new SqliteTestDatabaseFactory(), Ct);

        await using var connection = await fixture.Database.OpenConnectionAsync(Ct);

        Assert.Equal(("1", "1", "10000"), (await PragmaAsync(connection, "foreign_keys"), await PragmaAsync(connection, "synchronous"), await PragmaAsync(connection, "busy_timeout")));
    }

    [Fact]
    public async Task Connections_opened_by_entity_framework_get_the_same_pragmas()
    {
        await using var fixture = await StorageFixture.CreateAsync(new SqliteTestDatabaseFactory(), Ct);
        await using var context = fixture.Database.CreateDbContext();

        await context.Database.OpenConnectionAsync(Ct);
        var connection = context.Database.GetDbConnection();

        Assert.Equal(("1", "1", "10000"), (await PragmaAsync(connection, "foreign_keys"), await PragmaAsync(connection, "synchronous"), await PragmaAsync(connection, "busy_timeout")));
    }

    [Fact]
    public async Task The_default_key_file_sits_beside_the_database_file()
    {
        await using var fixture = await StorageFixture.CreateAsync(new SqliteTestDatabaseFactory(), Ct);

        Assert.Equal(Path.Combine(Path.GetDirectoryName(fixture.Database.SqliteFilePath)!, "tandem.key"), fixture.Database.DefaultKeyFilePath);
    }

    private static async Task<string> PragmaAsync(DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
