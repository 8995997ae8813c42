using System.Collections.Immutable;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.InMemory.Tests;

public sealed class InMemoryConnectorWriteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_create_gets_an_app_id_a_version_and_keeps_its_client_reference()
    {
        var app = new InMemoryApp(new() { IdPrefix = "p" });
        await using var connector = app.Connect();
        var create = Ops.Create("New@Example.com", clientReference: "tandem-1");

        var result = Assert.Single(await connector.WriteAsync([create], Ct));

        Assert.True(result.Succeeded);
        Assert.Equal("p1", result.Record!.Id);
        Assert.Equal("v1", result.Record.Version);
        Assert.Equal("tandem-1", app.Get("p1")!.ClientReference);
        Assert.Equal(create.OperationId, result.OperationId);
    }

    [Fact]
    public async Task An_update_with_the_current_version_applies_and_changes_the_version()
    {
        var app = new InMemoryApp();
        var record = app.CreatePerson("Ann", "Lee", "ann@example.com");
        await using var connector = app.Connect();

        var result = Assert.Single(await connector.WriteAsync([Ops.SetTitle(record.Id, record.Version, "CFO")], Ct));

        Assert.True(result.Succeeded);
        Assert.Equal("CFO", app.Get(record.Id)!.Get("title")?.Canonical);
        Assert.NotEqual(record.Version, result.Record!.Version);
        Assert.Equal(app.Get(record.Id), result.Record);
    }

    [Fact]
    public async Task An_update_with_an_old_version_fails_as_stale_and_changes_nothing()
    {
        var app = new InMemoryApp();
        var record = app.CreatePerson("Ann", "Lee", "ann@example.com");
        app.Set(record.Id, "title", Values.Text("CEO"));
        await using var connector = app.Connect();

        var result = Assert.Single(await connector.WriteAsync([Ops.SetTitle(record.Id, record.Version, "CFO")], Ct));

        Assert.Equal(WriteFailureKind.StaleVersion, result.Failure);
        Assert.Equal("CEO", app.Get(record.Id)!.Get("title")?.Canonical);
    }

    [Fact]
    public async Task A_slipped_in_outside_edit_makes_the_next_versioned_update_stale()
    {
        var app = new InMemoryApp();
        var record = app.CreatePerson("Ann", "Lee", "ann@example.com");
        app.Faults.StaleNextUpdates = 1;
        app.Faults.SlippedInEdit = _ => [new FieldChange("note", Values.Text("typed by a user"))];
        await using var connector = app.Connect();

        var stale = Assert.Single(await connector.WriteAsync([Ops.SetTitle(record.Id, record.Version, "CFO")], Ct));
        var current = app.Get(record.Id)!;
        var retried = Assert.Single(await connector.WriteAsync([Ops.SetTitle(record.Id, current.Version, "CFO")], Ct));

        Assert.Equal(WriteFailureKind.StaleVersion, stale.Failure);
        Assert.Equal("typed by a user", current.Get("note")?.Canonical);
        Assert.Null(current.Get("title"));
        Assert.True(retried.Succeeded);
    }

    [Fact]
    public async Task An_update_of_a_missing_record_fails_as_not_found()
    {
        var app = new InMemoryApp();
        var id = app.CreatePerson("Ann", "Lee").Id;
        app.Delete(id);
        await using var connector = app.Connect();

        var result = Assert.Single(await connector.WriteAsync([Ops.SetTitle(id, null, "CFO")], Ct));

        Assert.Equal(WriteFailureKind.NotFound, result.Failure);
    }

    [Fact]
    public async Task More_operations_than_the_write_batch_size_are_refused_before_anything_is_written()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.Crm with { WriteBatchSize = 2 } });
        await using var connector = app.Connect();
        WriteOperation[] three = [Ops.Create("a@example.com"), Ops.Create("b@example.com"), Ops.Create("c@example.com")];

        await Assert.ThrowsAsync<ArgumentException>(() => connector.WriteAsync(three, Ct));

        Assert.Equal(0, app.Count);
        Assert.Equal(0, app.Calls.WriteCalls);
    }

    [Fact]
    public async Task A_read_only_app_refuses_every_write_and_counts_the_refusal()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.ReadOnlyCrm });
        var id = app.CreatePerson("Ann", "Lee").Id;
        await using var connector = app.Connect();

        var results = await connector.WriteAsync([Ops.Create("a@example.com"), Ops.SetTitle(id, null, "CFO")], Ct);

        Assert.All(results, r => Assert.Equal(WriteFailureKind.Rejected, r.Failure));
        Assert.Equal(1, app.Count);
        Assert.Null(app.Get(id)!.Get("title"));
        Assert.Equal(1, app.Calls.RefusedWriteCalls);
        Assert.Equal(2, app.Calls.RefusedOperations);
    }

    [Fact]
    public async Task Rejected_values_fail_that_operation_only_with_the_apps_reason()
    {
        var app = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.Crm with { WriteBatchSize = 2 } });
        app.Faults.RejectInvalidPhones();
        await using var connector = app.Connect();

        var results = await connector.WriteAsync([Ops.Create("bad@example.com", phone: "12"), Ops.Create("good@example.com", phone: "+32 470 12 34 56")], Ct);

        Assert.Equal(WriteFailureKind.Rejected, results[0].Failure);
        Assert.Equal("The phone number is invalid.", results[0].Reason);
        Assert.True(results[1].Succeeded);
        Assert.Equal(["good@example.com"], app.Snapshot().Select(r => ((ListValue)r.Get("emails")!).Primary.Text));
    }

    [Fact]
    public async Task Read_only_and_unknown_fields_and_unknown_options_are_rejected()
    {
        var schema = InMemorySchemaBuilder.Crm().AddEveryType().Build();
        var app = new InMemoryApp(new() { Schema = schema, Capabilities = InMemoryCapabilities.Crm with { WriteBatchSize = 3 } });
        var id = app.Create(ImmutableDictionary<string, FieldValue>.Empty.Add("custom.readonly", Values.Number(3))).Id;
        await using var connector = app.Connect();
        WriteOperation[] updates =
        [
            new UpdateOperation("1", id, null) { Changes = [new FieldChange("custom.readonly", Values.Number(4))] },
            new UpdateOperation("2", id, null) { Changes = [new FieldChange("nope", Values.Text("x"))] },
            new UpdateOperation("3", id, null) { Changes = [new FieldChange("custom.singlechoice", Values.Require(FieldType.SingleChoice, "9"))] },
        ];

        var results = await connector.WriteAsync(updates, Ct);

        Assert.Equal(
            ["The field 'custom.readonly' is read-only.", "The app has no field 'nope'.", "The field 'custom.singlechoice' has no such option."],
            results.Select(r => r.Reason));
        Assert.Equal("3", app.Get(id)!.Get("custom.readonly")?.Canonical);
    }

    [Fact]
    public async Task An_unsubscribe_is_never_reversed_by_a_later_write()
    {
        var app = new InMemoryApp();
        var id = app.CreatePerson("Ann", "Lee", "ann@example.com").Id;
        await using var connector = app.Connect();

        await connector.WriteAsync([new UpdateOperation("1", id, null) { Unsubscribe = true }], Ct);
        var later = Assert.Single(await connector.WriteAsync([Ops.SetTitle(id, null, "CFO")], Ct));

        Assert.True(later.Record!.IsUnsubscribed);
        Assert.True(app.Get(id)!.IsUnsubscribed);
    }

    [Fact]
    public async Task Tags_are_added_and_removed()
    {
        var app = new InMemoryApp();
        var id = app.CreatePerson("Ann", "Lee").Id;
        app.AddTag(id, "vip");
        app.AddTag(id, "old");
        await using var connector = app.Connect();

        var result = Assert.Single(await connector.WriteAsync([new UpdateOperation("1", id, null) { AddTags = ["Tandem Trash"], RemoveTags = ["old"] }], Ct));

        Assert.Equal(["Tandem Trash", "vip"], result.Record!.Tags);
    }

    [Fact]
    public async Task Deleting_is_refused_unless_the_app_allows_it()
    {
        var crm = new InMemoryApp();
        var target = new InMemoryApp(new() { Capabilities = InMemoryCapabilities.ListTarget });
        var inCrm = crm.CreatePerson("Ann", "Lee").Id;
        var inTarget = target.CreatePerson("Ann", "Lee").Id;
        await using var crmConnector = crm.Connect();
        await using var targetConnector = target.Connect();

        var refused = Assert.Single(await crmConnector.WriteAsync([new DeleteOperation("1", inCrm)], Ct));
        var deleted = Assert.Single(await targetConnector.WriteAsync([new DeleteOperation("2", inTarget)], Ct));

        Assert.Equal(WriteFailureKind.Rejected, refused.Failure);
        Assert.NotNull(crm.Get(inCrm));
        Assert.True(deleted.Succeeded);
        Assert.True(target.IsDeleted(inTarget));
    }
}
