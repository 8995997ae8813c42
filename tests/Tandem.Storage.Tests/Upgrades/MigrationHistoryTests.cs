using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Tandem.Storage.Identity;
using Tandem.Storage.PostgreSql;
using Tandem.Storage.Sqlite;
using Tandem.Storage.Upgrades;

namespace Tandem.Storage.Tests.Upgrades;

public sealed class MigrationHistoryTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tandem-history-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DatabaseOptions Options => new() { ConnectionString = $"Data Source={Path.Combine(folder, "tandem.db")}" };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_migrations_found_without_ef_core_are_the_ones_ef_core_finds_for_each_context()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        using var sqliteUsers = new SqliteIdentityDesignTimeFactory().CreateDbContext([]);
        using var postgresUsers = new PostgresIdentityDesignTimeFactory().CreateDbContext([]);

        Assert.Equal(sqlite.Database.GetMigrations().Order(), MigrationHistory.KnownIds<SqliteTandemDbContext>().Order());
        Assert.Equal(postgres.Database.GetMigrations().Order(), MigrationHistory.KnownIds<PostgresTandemDbContext>().Order());
        Assert.Equal(sqliteUsers.Database.GetMigrations().Order(), MigrationHistory.KnownIds<SqliteIdentityDbContext>().Order());
        Assert.Equal(postgresUsers.Database.GetMigrations().Order(), MigrationHistory.KnownIds<PostgresIdentityDbContext>().Order());
        Assert.NotEmpty(MigrationHistory.KnownIds<SqliteTandemDbContext>());
    }

    [Fact]
    public async Task A_new_database_without_a_history_table_is_not_current()
    {
        await using var database = await TandemDatabase.OpenAsync(Options, Ct);

        Assert.False(await IsCurrentAsync(database));
    }

    [Fact]
    public async Task A_migrated_database_is_current_by_its_history_alone()
    {
        await using var database = await TandemDatabase.OpenAsync(Options, Ct);
        await database.MigrateAsync(Ct);

        Assert.True(await IsCurrentAsync(database));
    }

    [Fact]
    public async Task A_database_missing_one_migration_or_holding_one_more_is_not_current()
    {
        await using var database = await TandemDatabase.OpenAsync(Options, Ct);
        await database.MigrateAsync(Ct);
        var last = MigrationHistory.KnownIds<SqliteTandemDbContext>().Max(StringComparer.Ordinal);

        await ExecuteAsync(database, $"DELETE FROM __EFMigrationsHistory WHERE MigrationId = '{last}'");
        var missingOne = await IsCurrentAsync(database);
        await ExecuteAsync(database, $"INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('{last}', '10.0.0'), ('29991231000000_FromTheFuture', '99.0.0')");
        var oneMore = await IsCurrentAsync(database);

        Assert.False(missingOne);
        Assert.False(oneMore);
    }

    [Fact]
    public async Task Migrating_a_current_database_again_changes_nothing_and_still_finds_it_current()
    {
        await using var database = await TandemDatabase.OpenAsync(Options, Ct);
        await database.MigrateAsync(Ct);
        await database.MigrateIdentityAsync(Ct);

        await database.MigrateAsync(Ct);
        await database.MigrateIdentityAsync(Ct);

        Assert.True((await database.InspectSchemaAsync(identity: false, Ct)).IsCurrent);
        Assert.True((await database.InspectSchemaAsync(identity: true, Ct)).IsCurrent);
    }

    private static async Task<bool> IsCurrentAsync(TandemDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync(Ct);
        return await MigrationHistory.IsCurrentAsync(connection, postgres: false, HistoryRepository.DefaultTableName, MigrationHistory.KnownIds<SqliteTandemDbContext>(), Ct);
    }

    private static async Task ExecuteAsync(TandemDatabase database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
