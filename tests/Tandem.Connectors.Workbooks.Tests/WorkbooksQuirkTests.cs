using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.Workbooks.Tests;

/// <summary>Workbooks' own behaviours, against its sandbox: per-object results, optimistic locking, soft deletes, throttling, costs.</summary>
public sealed class WorkbooksQuirkTests : IAsyncLifetime
{
    private readonly WorkbooksSandboxFixture fixture = new(new Sandbox.Workbooks.WorkbooksSandboxOptions { SeedPeople = 120 });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await fixture.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task One_person_Workbooks_refuses_in_a_batch_of_100_fails_alone_with_Workbooks_message()
    {
        await using var connector = fixture.Connect();
        var creates = Enumerable.Range(0, 100).Select(i => Create("ref-" + i, i == 42 ? "not-an-email" : $"batch{i}@example.com")).ToList();
        var calls = fixture.Sandbox.ApiCalls;

        var results = await connector.WriteAsync(creates, Ct);

        var refused = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal("create-ref-42", refused.OperationId);
        Assert.Equal(WriteFailureKind.Rejected, refused.Failure);
        Assert.Equal("Main email 'not-an-email' is not a valid email address", refused.Reason);
        Assert.Equal(99, results.Count(r => r.Succeeded && r.Record is not null));
        Assert.Equal(120 + 99, fixture.Sandbox.PersonCount);

        // The schema (fields and picklists), the employer's organisation looked up by name and, the database having none,
        // created, and one write for the hundred.
        Assert.Equal(calls + 5, fixture.Sandbox.ApiCalls);
    }

    [Fact]
    public async Task A_person_saved_elsewhere_meanwhile_is_a_stale_version_and_is_left_as_it_is()
    {
        await using var connector = fixture.Connect();
        var id = fixture.Sandbox.PersonIds()[0].ToString(CultureInfo.InvariantCulture);
        var read = Assert.Single(await connector.GetAsync([id], Ct));
        fixture.Sandbox.Faults.StaleVersions(1);

        var result = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", id, read.Version) { Changes = [new FieldChange("title", Values.Text("Overwritten"))] }], Ct));

        Assert.Equal(WriteFailureKind.StaleVersion, result.Failure);
        Assert.NotEqual("Overwritten", fixture.Sandbox.Person(WorkbooksSandboxFixture.Id(id))!["person_job_title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_quiet_poll_costs_one_call_and_a_deleted_person_comes_back_as_a_deletion_not_a_change()
    {
        await using var connector = fixture.Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var calls = fixture.Sandbox.ApiCalls;

        var quiet = await connector.ReadChangesAsync(cursor, Ct);

        Assert.Equal(calls + 1, fixture.Sandbox.ApiCalls);
        Assert.Empty(quiet.Changed);
        Assert.Empty(quiet.DeletedIds);
        var ids = fixture.Sandbox.PersonIds();
        fixture.Sandbox.EditPerson(ids[3], new JsonObject { ["person_job_title"] = "Edited" });
        fixture.Sandbox.DeletePerson(ids[4]);
        var changes = await connector.ReadChangesAsync(quiet.NextCursor, Ct);

        Assert.Equal([ids[3].ToString(CultureInfo.InvariantCulture)], changes.Changed.Select(r => r.Id));
        Assert.Equal([ids[4].ToString(CultureInfo.InvariantCulture)], changes.DeletedIds);
        Assert.True(fixture.Sandbox.Person(ids[4])!["is_deleted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task People_sharing_the_cursors_second_are_neither_lost_nor_repeated()
    {
        await using var connector = fixture.Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var ids = fixture.Sandbox.PersonIds().Take(4).ToList();

        fixture.Sandbox.EditPerson(ids[0], new JsonObject { ["cf_person_notes"] = "a" });
        fixture.Sandbox.EditPerson(ids[1], new JsonObject { ["cf_person_notes"] = "b" });
        var first = await connector.ReadChangesAsync(cursor, Ct);
        fixture.Sandbox.EditPerson(ids[2], new JsonObject { ["cf_person_notes"] = "c" });
        fixture.Sandbox.EditPerson(ids[3], new JsonObject { ["cf_person_notes"] = "d" });
        var second = await connector.ReadChangesAsync(first.NextCursor, Ct);

        Assert.Equal(ids.Take(2).Select(i => i.ToString(CultureInfo.InvariantCulture)), first.Changed.Select(r => r.Id).Order());
        Assert.Equal(ids.Skip(2).Select(i => i.ToString(CultureInfo.InvariantCulture)), second.Changed.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task A_change_feed_longer_than_a_page_delivers_every_change_once()
    {
        await using var connector = fixture.Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var ids = fixture.Sandbox.PersonIds().Take(110).ToList();
        ids.ForEach(id => fixture.Sandbox.EditPerson(id, new JsonObject { ["cf_person_notes"] = "bulk" }));

        var first = await connector.ReadChangesAsync(cursor, Ct);
        var rest = await connector.ReadChangesAsync(first.NextCursor, Ct);

        var changed = first.Changed.Concat(rest.Changed).Select(r => r.Id).ToList();
        Assert.True(first.HasMore);
        Assert.False(rest.HasMore);
        Assert.Equal(ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).Order(), changed.Order());
    }

    [Fact]
    public async Task Throttling_redirects_are_followed_and_the_read_completes()
    {
        await using var connector = fixture.Connect();
        var id = fixture.Sandbox.PersonIds()[0].ToString(CultureInfo.InvariantCulture);
        _ = await connector.GetAsync([id], Ct);
        var calls = fixture.Sandbox.ApiCalls;
        fixture.Sandbox.Faults.RateLimitStorm(3);

        var read = await connector.GetAsync([id], Ct);

        Assert.Single(read);
        Assert.Equal(calls + 4, fixture.Sandbox.ApiCalls);
    }

    [Fact]
    public async Task Custom_fields_of_every_type_round_trip_and_picklists_are_their_options()
    {
        await using var connector = fixture.Connect();
        var schema = await connector.GetSchemaAsync(Ct);
        var fields = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
        {
            ["name.first"] = Values.Text("Cora"),
            ["name.last"] = Values.Text("Stomfield"),
            ["cf_person_segment"] = Values.Require(FieldType.SingleChoice, "Enterprise"),
            ["cf_person_score"] = Values.Number(12.5m),
            ["cf_person_newsletter"] = Values.Boolean(true),
            ["cf_person_contract_start"] = Values.Date(new PartialDate(2026, 3, 1)),
            ["cf_person_budget"] = Values.Money(1500m, "EUR"),
            ["lead_source_type"] = Values.Require(FieldType.SingleChoice, "Referral"),
            ["no_email_soliciting"] = Values.Boolean(true),
            ["home_location"] = Values.Address("1 High Street", "Reading", "Berkshire", "RG1 1AA", "United Kingdom"),
            ["main_location[mobile]"] = Values.Phone("+44 7700 900123"),
        });

        var created = Assert.Single(await connector.WriteAsync([new CreateOperation("c1", "ref-custom", fields, ImmutableSortedSet<string>.Empty)], Ct));
        Assert.True(created.Succeeded, created.Reason);
        var read = Assert.Single(await connector.GetAsync([created.Record!.Id], Ct));

        foreach (var (key, value) in fields)
        {
            Assert.Equal(value.Canonical, read.Get(key)?.Canonical);
        }

        Assert.Equal(["Enterprise", "Mid-market", "SMB"], schema.Find("cf_person_segment")!.Options.Select(o => o.Label));
        Assert.Equal(FieldType.Money, schema.Find("cf_person_budget")!.Type);
        Assert.Equal(FieldRole.Birthday, schema.Find("birthday")!.Role);
        Assert.Null(schema.Find("cf_person_tags"));
    }

    [Fact]
    public async Task A_value_outside_its_picklist_is_refused_with_Workbooks_message()
    {
        await using var connector = fixture.Connect();
        var id = fixture.Sandbox.PersonIds()[0].ToString(CultureInfo.InvariantCulture);
        var read = Assert.Single(await connector.GetAsync([id], Ct));

        var result = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", id, read.Version) { Changes = [new FieldChange("cf_person_segment", Values.Require(FieldType.SingleChoice, "Galactic"))] }], Ct));

        Assert.Equal(WriteFailureKind.Rejected, result.Failure);
        Assert.Equal("Segment 'Galactic' is not included in the list", result.Reason);
    }

    private static CreateOperation Create(string reference, string email) => new(
        "create-" + reference,
        reference,
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
        {
            ["name.first"] = Values.Text("Batch"),
            ["name.last"] = Values.Text(reference),
            ["emails"] = Values.Create(FieldType.Email, email) ?? Values.Text(email),
            ["phones"] = Values.Phone("+44 20 7946 0000"),
            ["addresses"] = Values.Address("1 High Street", "Reading", "Berkshire", "RG1 1AA", "United Kingdom"),
            ["org"] = Values.Text("Batch Ltd"),
            ["title"] = Values.Text("Buyer"),
            ["note"] = Values.Text("A full row"),
        }),
        ImmutableSortedSet<string>.Empty);

    private static async Task<List<RecordPage>> ListAsync(IContactConnector connector)
    {
        var pages = new List<RecordPage>();
        await foreach (var page in connector.ListAllAsync(Ct))
        {
            pages.Add(page);
        }

        return pages;
    }
}
