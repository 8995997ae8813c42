using Tandem.Domain.Configuration;
using Tandem.Storage.Connections;
using Tandem.Storage.Tests.TestDatabases;

namespace Tandem.Storage.Tests.Connections;

public abstract class ConnectionStoreSuite(ITestDatabaseFactory factory) : StorageSuite(factory)
{
    private static readonly ConnectionSettings CustomSettings = new()
    {
        Direction = SyncDirection.AToB,
        WinningSide = Side.B,
        RulesA = [new Rule { Id = "vip", Filters = [new Filter(FilterKind.HasTag, Value: "VIP")], Actions = [new RuleAction(ActionKind.AddTag, Value: "From CRM")] }],
        Mappings = [new FieldMapping("phone", "mobile") { Direction = MappingDirection.AToB }],
        Options = new SyncOptions { SyncDeletions = true, DeletionGuardMinimum = 25 },
        ContactType = "leads",
    };

    [Fact]
    public async Task A_new_connection_reads_back_with_its_settings_scanning_and_unacknowledged()
    {
        await using var fixture = await CreateFixtureAsync();
        var a = await AddAccountAsync(fixture, "pipedrive", ownerId: "team-1");
        var b = await AddAccountAsync(fixture, "wooxy", ownerId: "team-1");

        var added = await fixture.Connections.AddAsync(new NewConnection("team-1", "Leads to Wooxy", a.Id, b.Id, CustomSettings), Ct);
        var read = await fixture.Connections.GetAsync(added.Id, Ct);

        Assert.NotNull(read);
        Assert.Equal(
            ("team-1", "Leads to Wooxy", a.Id, b.Id, ConnectionState.Scanning, (string?)null, false),
            (read.OwnerId, read.Name, read.AccountAId, read.AccountBId, read.State, read.StateReason, read.GuardAcknowledged));
        Assert.Equal((StorageFixture.Start, StorageFixture.Start, (DateTimeOffset?)null), (read.CreatedAt, read.UpdatedAt, read.LastRunAt));
        Assert.Equal(ConnectionSettingsJson.Serialize(CustomSettings), ConnectionSettingsJson.Serialize(read.Settings));
    }

    [Fact]
    public async Task State_reason_guard_and_last_run_are_kept_and_each_change_moves_updated_at()
    {
        await using var fixture = await CreateFixtureAsync();
        var connection = await AddConnectionAsync(fixture);
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        var lastRun = fixture.Time.GetUtcNow().AddSeconds(-30);

        Assert.True(await fixture.Connections.SetStateAsync(connection.Id, ConnectionState.NeedsAttention, "Side B lists 90% fewer contacts", Ct));
        Assert.True(await fixture.Connections.SetGuardAcknowledgedAsync(connection.Id, acknowledged: true, Ct));
        Assert.True(await fixture.Connections.SetLastRunAtAsync(connection.Id, lastRun, Ct));

        var read = await fixture.Connections.GetAsync(connection.Id, Ct);
        Assert.Equal(
            (ConnectionState.NeedsAttention, "Side B lists 90% fewer contacts", true, lastRun, StorageFixture.Start.AddMinutes(5)),
            (read!.State, read.StateReason, read.GuardAcknowledged, read.LastRunAt!.Value, read.UpdatedAt));

        await fixture.Connections.SetStateAsync(connection.Id, ConnectionState.Active, reason: null, Ct);
        await fixture.Connections.SetGuardAcknowledgedAsync(connection.Id, acknowledged: false, Ct);
        read = await fixture.Connections.GetAsync(connection.Id, Ct);
        Assert.Equal((ConnectionState.Active, (string?)null, false), (read!.State, read.StateReason, read.GuardAcknowledged));
    }

    [Fact]
    public async Task Settings_and_name_can_be_changed()
    {
        await using var fixture = await CreateFixtureAsync();
        var connection = await AddConnectionAsync(fixture);

        Assert.True(await fixture.Connections.UpdateSettingsAsync(connection.Id, CustomSettings, Ct));
        Assert.True(await fixture.Connections.RenameAsync(connection.Id, "Renamed", Ct));

        var read = await fixture.Connections.GetAsync(connection.Id, Ct);
        Assert.Equal("Renamed", read!.Name);
        Assert.Equal(ConnectionSettingsJson.Serialize(CustomSettings), ConnectionSettingsJson.Serialize(read.Settings));
        Assert.False(await fixture.Connections.UpdateSettingsAsync("missing", CustomSettings, Ct));
    }

    [Fact]
    public async Task Connections_are_listed_per_owner()
    {
        await using var fixture = await CreateFixtureAsync();
        var mine = await AddConnectionAsync(fixture, "mine", ownerId: "team-1");
        var theirs = await AddConnectionAsync(fixture, "theirs", ownerId: "team-2");

        Assert.Equal([mine.Id], (await fixture.Connections.ListByOwnerAsync("team-1", Ct)).Select(c => c.Id));
        Assert.Equal([theirs.Id], (await fixture.Connections.ListByOwnerAsync("team-2", Ct)).Select(c => c.Id));
        Assert.Empty(await fixture.Connections.ListByOwnerAsync(null, Ct));
        Assert.Equal(2, (await fixture.Connections.ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task A_connection_cannot_use_a_missing_account_or_one_of_another_owner()
    {
        await using var fixture = await CreateFixtureAsync();
        var mine = await AddAccountAsync(fixture, "pipedrive", ownerId: "team-1");
        var theirs = await AddAccountAsync(fixture, "pipedrive", ownerId: "team-2");

        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.Connections.AddAsync(new NewConnection("team-1", "x", mine.Id, "nope", new ConnectionSettings()), Ct));
        var foreign = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.Connections.AddAsync(new NewConnection("team-1", "x", mine.Id, theirs.Id, new ConnectionSettings()), Ct));

        Assert.Equal("Account nope does not exist.", missing.Message);
        Assert.Equal($"Account {theirs.Id} belongs to another owner and cannot be used by this connection.", foreign.Message);
        Assert.Empty(await fixture.Connections.ListAsync(Ct));
    }

    [Fact]
    public async Task Removing_a_connection_removes_all_its_sync_state_and_keeps_its_accounts_and_other_connections()
    {
        await using var fixture = await CreateFixtureAsync();
        var removed = await AddConnectionAsync(fixture, "removed");
        var kept = await AddConnectionAsync(fixture, "kept");
        await using var connection = await fixture.Database.OpenConnectionAsync(Ct);
        await SyncStateRows.InsertOneOfEachAsync(connection, removed.Id, Ct);
        await SyncStateRows.InsertOneOfEachAsync(connection, kept.Id, Ct);

        Assert.True(await fixture.Connections.RemoveAsync(removed.Id, Ct));

        foreach (var table in SyncStateRows.Tables)
        {
            Assert.Equal((table, 0L), (table, await SyncStateRows.CountAsync(connection, table, removed.Id, Ct)));
            Assert.Equal((table, 1L), (table, await SyncStateRows.CountAsync(connection, table, kept.Id, Ct)));
        }

        Assert.Null(await fixture.Connections.GetAsync(removed.Id, Ct));
        Assert.NotNull(await fixture.Accounts.GetAsync(removed.AccountAId, Ct));
        Assert.NotNull(await fixture.Accounts.GetAsync(removed.AccountBId, Ct));
        Assert.False(await fixture.Connections.RemoveAsync(removed.Id, Ct));
    }

    [Fact]
    public async Task Deleting_a_connection_row_with_plain_sql_cascades_to_its_sync_state()
    {
        await using var fixture = await CreateFixtureAsync();
        var removed = await AddConnectionAsync(fixture);
        await using var connection = await fixture.Database.OpenConnectionAsync(Ct);
        await SyncStateRows.InsertOneOfEachAsync(connection, removed.Id, Ct);

        await SyncStateRows.ExecuteAsync(connection, "DELETE FROM connections WHERE id = @c", removed.Id, Ct);

        foreach (var table in SyncStateRows.Tables)
        {
            Assert.Equal((table, 0L), (table, await SyncStateRows.CountAsync(connection, table, removed.Id, Ct)));
        }
    }
}
