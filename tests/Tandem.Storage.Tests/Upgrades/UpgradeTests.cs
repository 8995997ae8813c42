using Microsoft.Data.Sqlite;
using Tandem.Storage.Health;
using Tandem.Storage.Upgrades;

namespace Tandem.Storage.Tests.Upgrades;

public sealed class UpgradeTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tandem-upgrade-tests", Guid.NewGuid().ToString("N"));

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
    public async Task A_database_is_ready_only_once_both_schemas_are_migrated()
    {
        await using var database = await TandemDatabase.OpenAsync(Options, Ct);
        var before = await DatabaseReadiness.ProblemAsync(database, includeUsers: true, Ct);
        await database.MigrateAsync(Ct);
        var withoutUsers = await DatabaseReadiness.ProblemAsync(database, includeUsers: true, Ct);
        await database.MigrateIdentityAsync(Ct);

        Assert.Matches("^The database has [0-9]+ schema change\\(s\\) still to apply\\.$", before);
        Assert.Matches("^The database has [0-9]+ schema change\\(s\\) still to apply\\.$", withoutUsers);
        Assert.Null(await DatabaseReadiness.ProblemAsync(database, includeUsers: true, Ct));
        Assert.True((await database.InspectSchemaAsync(identity: false, Ct)).IsCurrent);
    }

    [Fact]
    public async Task A_missing_database_file_is_not_ready_and_the_check_does_not_create_it()
    {
        await using var database = await TandemDatabase.OpenAsync(Options, Ct);
        await database.MigrateAsync(Ct);
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(folder, "tandem.db*"))
        {
            File.Delete(file);
        }

        Assert.Equal("The database file is missing.", await DatabaseReadiness.ProblemAsync(database, includeUsers: false, Ct));
        Assert.False(File.Exists(database.SqliteFilePath));
    }

    [Fact]
    public async Task A_database_upgraded_by_a_newer_tandem_is_refused_with_a_sentence_saying_what_to_do()
    {
        await using var database = await TandemDatabase.OpenAsync(Options, Ct);
        await database.MigrateAsync(Ct);
        await using (var connection = await database.OpenConnectionAsync(Ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromTheFuture', '99.0.0')";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var refused = await Assert.ThrowsAsync<DatabaseTooNewException>(() => database.MigrateAsync(Ct));

        Assert.Equal(
            "This database was upgraded by a newer version of Tandem (it has the change '29991231000000_FromTheFuture', which this version does not know). " +
            "Run the newer version again, or restore the backup made before the upgrade (see docs/operations.md).",
            refused.Message);
        Assert.Equal(["29991231000000_FromTheFuture"], (await database.InspectSchemaAsync(identity: false, Ct)).Unknown);
        Assert.Equal("The database was upgraded by a newer version of Tandem.", await DatabaseReadiness.ProblemAsync(database, includeUsers: false, Ct));
    }

    [Fact]
    public async Task Two_processes_migrating_one_new_database_at_once_both_end_with_the_whole_schema()
    {
        await using var first = await TandemDatabase.OpenAsync(Options, Ct);
        await using var second = new TandemDatabase(Options);

        await Task.WhenAll(Task.Run(() => first.MigrateAsync(Ct), Ct), Task.Run(() => second.MigrateAsync(Ct), Ct));

        Assert.True((await first.InspectSchemaAsync(identity: false, Ct)).IsCurrent);
        Assert.True((await second.InspectSchemaAsync(identity: false, Ct)).IsCurrent);
    }
}
