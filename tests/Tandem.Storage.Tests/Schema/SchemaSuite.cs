using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Tandem.Storage.Tests.TestDatabases;

namespace Tandem.Storage.Tests.Schema;

/// <summary>The schema contract the sync-state SQL is written against, checked on each provider.</summary>
public abstract class SchemaSuite(ITestDatabaseFactory factory) : StorageSuite(factory)
{
    private static readonly Dictionary<string, string> ExpectedColumns = new()
    {
        ["accounts"] = "id, owner_id, app, name, settings_json, secrets_encrypted, created_at",
        ["connections"] = "id, owner_id, name, account_a_id, account_b_id, settings_json, state, state_reason, guard_acknowledged, created_at, updated_at, last_run_at",
        ["cursors"] = "connection_id, side, cursor, updated_at",
        ["records"] = "connection_id, side, record_id, version, content_hash, email_key, snapshot, dirty, deleted, scan_gen",
        ["links"] = "id, connection_id, a_id, b_id, baseline, a_deleted, b_deleted, rules_state, updated_at",
        ["journal"] = "id, connection_id, run_id, side, kind, record_id, client_ref, email_key, source_record_id, state, detail, created_at, completed_at",
        ["health"] = "connection_id, side, record_id, status, reason, content_hash, updated_at",
        ["activity"] = "id, connection_id, run_id, at, side, record_id, kind, message, details",
        ["runs"] = "id, connection_id, started_at, finished_at, dry_run, status, stats, error",
    };

    [Fact]
    public async Task Migrating_an_empty_database_creates_every_table_with_its_exact_columns()
    {
        await using var fixture = await CreateFixtureAsync();
        await using var connection = await fixture.Database.OpenConnectionAsync(Ct);

        foreach (var (table, columns) in ExpectedColumns)
        {
            // Selecting the exact column list fails on a missing or misnamed column in either provider.
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {columns} FROM {table} WHERE 1 = 0";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            Assert.Equal(columns, string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)));
        }

        await using var context = fixture.Database.CreateDbContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync(Ct));
    }

    [Fact]
    public async Task Migrating_an_up_to_date_database_again_changes_nothing()
    {
        await using var fixture = await CreateFixtureAsync();
        var connection = await AddConnectionAsync(fixture);

        await fixture.Database.MigrateAsync(Ct);

        Assert.NotNull(await fixture.Connections.GetAsync(connection.Id, Ct));
    }

    [Fact]
    public async Task Rows_written_with_portable_sql_read_back_through_the_model()
    {
        await using var fixture = await CreateFixtureAsync();
        var owner = await AddConnectionAsync(fixture);
        await using var connection = await fixture.Database.OpenConnectionAsync(Ct);

        await SyncStateRows.InsertOneOfEachAsync(connection, owner.Id, Ct);

        await using var context = fixture.Database.CreateDbContext();
        var record = await context.Records.SingleAsync(Ct);
        Assert.Equal((1, "b1", "etag-1", -42L, "ann@example.com", true, false, 7L),
            (record.Side, record.RecordId, record.Version, record.ContentHash, record.EmailKey, record.Dirty, record.Deleted, record.ScanGen));
        var link = await context.Links.SingleAsync(Ct);
        Assert.Equal(("a1", "b1", false, true), (link.AId, link.BId, link.ADeleted, link.BDeleted));
        Assert.True(link.Id > 0);
        var run = await context.Runs.SingleAsync(Ct);
        Assert.False(run.DryRun);
    }

    [Fact]
    public async Task Booleans_are_stored_as_the_integers_0_and_1()
    {
        await using var fixture = await CreateFixtureAsync();
        var owner = await AddConnectionAsync(fixture);
        await fixture.Connections.SetGuardAcknowledgedAsync(owner.Id, acknowledged: true, Ct);
        await using var connection = await fixture.Database.OpenConnectionAsync(Ct);

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT guard_acknowledged + 0 FROM connections";
        Assert.Equal(1L, Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_record_is_linked_at_most_once_per_side_but_half_made_links_may_coexist()
    {
        await using var fixture = await CreateFixtureAsync();
        var owner = await AddConnectionAsync(fixture);
        await using var connection = await fixture.Database.OpenConnectionAsync(Ct);
        const string Insert = "INSERT INTO links (connection_id, a_id, b_id, a_deleted, b_deleted, updated_at) VALUES (@c, {0}, {1}, 0, 0, 1)";

        await SyncStateRows.ExecuteAsync(connection, string.Format(null, Insert, "'a1'", "NULL"), owner.Id, Ct);
        await SyncStateRows.ExecuteAsync(connection, string.Format(null, Insert, "NULL", "'b1'"), owner.Id, Ct);
        await SyncStateRows.ExecuteAsync(connection, string.Format(null, Insert, "NULL", "'b2'"), owner.Id, Ct);

        await Assert.ThrowsAnyAsync<DbException>(() =>
            SyncStateRows.ExecuteAsync(connection, string.Format(null, Insert, "'a1'", "'b3'"), owner.Id, Ct));
        Assert.Equal(3, await SyncStateRows.CountAsync(connection, "links", owner.Id, Ct));
    }

    [Fact]
    public async Task Sync_state_cannot_be_written_for_a_connection_that_does_not_exist()
    {
        await using var fixture = await CreateFixtureAsync();
        await using var connection = await fixture.Database.OpenConnectionAsync(Ct);

        await Assert.ThrowsAnyAsync<DbException>(() =>
            SyncStateRows.ExecuteAsync(connection, "INSERT INTO cursors (connection_id, side, cursor, updated_at) VALUES (@c, 0, 'x', 1)", "no-such-connection", Ct));
    }
}
