using Npgsql;
using Tandem.Storage.Health;
using Tandem.Storage.Tests.TestDatabases;
using Tandem.Storage.Upgrades;

namespace Tandem.Storage.Tests.Upgrades;

/// <summary>The upgrade rules of <see cref="UpgradeTests"/> on PostgreSQL: ready only once migrated, a newer database refused, two migrating at once.</summary>
public sealed class UpgradeOnPostgresTests : IAsyncLifetime
{
    private readonly PostgresTestDatabaseFactory factory = new();
    private DatabaseOptions? options;
    private Func<Task>? drop;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => (options, drop) = await factory.CreateEmptyAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (drop is not null)
        {
            await drop();
        }
    }

    [Fact]
    public async Task A_database_is_ready_only_once_both_schemas_are_migrated()
    {
        await using var database = await TandemDatabase.OpenAsync(options!, Ct);
        var before = await DatabaseReadiness.ProblemAsync(database, includeUsers: true, Ct);
        await database.MigrateAsync(Ct);
        var withoutUsers = await DatabaseReadiness.ProblemAsync(database, includeUsers: true, Ct);
        await database.MigrateIdentityAsync(Ct);

        Assert.Matches("^The database has [0-9]+ schema change\\(s\\) still to apply\\.$", before);
        Assert.Matches("^The database has [0-9]+ schema change\\(s\\) still to apply\\.$", withoutUsers);
        Assert.Null(await DatabaseReadiness.ProblemAsync(database, includeUsers: true, Ct));
    }

    [Fact]
    public async Task A_database_upgraded_by_a_newer_tandem_is_refused_with_a_sentence_saying_what_to_do()
    {
        await using var database = await TandemDatabase.OpenAsync(options!, Ct);
        await database.MigrateAsync(Ct);
        await using (var connection = await database.OpenConnectionAsync(Ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '99.0.0')";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var refused = await Assert.ThrowsAsync<DatabaseTooNewException>(() => database.MigrateAsync(Ct));

        Assert.StartsWith("This database was upgraded by a newer version of Tandem (it has the change '29991231000000_FromTheFuture', which this version does not know).", refused.Message, StringComparison.Ordinal);
        Assert.Equal("The database was upgraded by a newer version of Tandem.", await DatabaseReadiness.ProblemAsync(database, includeUsers: false, Ct));
    }

    [Fact]
    public async Task Two_databases_objects_migrating_one_new_database_at_once_both_end_with_the_whole_schema()
    {
        await using var first = new TandemDatabase(options!);
        await using var second = new TandemDatabase(options!);

        await Task.WhenAll(Task.Run(() => first.MigrateAsync(Ct), Ct), Task.Run(() => second.MigrateAsync(Ct), Ct));
        await Task.WhenAll(Task.Run(() => first.MigrateIdentityAsync(Ct), Ct), Task.Run(() => second.MigrateIdentityAsync(Ct), Ct));

        Assert.True((await first.InspectSchemaAsync(identity: false, Ct)).IsCurrent);
        Assert.True((await second.InspectSchemaAsync(identity: true, Ct)).IsCurrent);
    }
}
