using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Pipedrive;
using Tandem.Connectors.Testing.Conformance;
using Tandem.Connectors.Testing.Specs;
using Tandem.Connectors.Testing;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Connectors.Pipedrive.Tests;

/// <summary>
/// The Pipedrive connector against the Pipedrive sandbox over HTTP on 127.0.0.1. The sandbox company has the labels
/// the shared cases tag with and the organization they name,
/// as a real company set up for the sync would; creating a missing organization is covered by its own case.
/// </summary>
public sealed class PipedriveConformanceTests : ConnectorConformanceTests
{

    private const int Seeded = 620;

    /// <summary>The custom field types the sandbox company has, one field each.</summary>
    private static readonly string[] SchemaTypes = ["varchar", "text", "double", "monetary", "date", "daterange", "enum", "set", "user", "address", "phone"];

    private readonly ShiftedClock clock = new();
    private readonly OpenApiValidator validator = PipedriveOpenApi.CreateValidator();
    private readonly PipedriveSandbox sandbox;
    private SandboxHost? host;

    public PipedriveConformanceTests()
    {
        sandbox = new PipedriveSandbox(new PipedriveSandboxOptions { SeedPersons = Seeded, Labels = ["Customer", "Hot lead", "Cold lead", "VIP", "Conformance", "Updated"] }, clock);
    }

    protected override int SeededContacts => Seeded;

    public override async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);
        using var http = new HttpClient { BaseAddress = host.BaseUri };
        http.DefaultRequestHeaders.Add("x-api-token", sandbox.Options.ApiToken);
        using var org = await http.PostAsJsonAsync(new Uri("api/v2/organizations", UriKind.Relative), new JsonObject { ["name"] = "Conformance Ltd" }, Ct);
        org.EnsureSuccessStatusCode();
    }

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        // Every exchange of every test, in both directions, must match Pipedrive's OpenAPI files.
        validator.AssertNoViolations();
    }

    protected override IContactConnector Connect() =>
        new PipedriveConnectorFactory(TestRetries.Fast).Create(Settings(), new ConnectorContext(clock, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Allowing(host!.BaseUri));

    protected override void EditInApp(string recordId, string note) => sandbox.EditPerson(Id(recordId), new JsonObject { ["notes"] = note });

    protected override void DeleteInApp(string recordId) => sandbox.DeletePerson(Id(recordId));

    protected override void RateLimitNext(int requests) => sandbox.Faults.RateLimitStorm(requests);

    protected override void FailNext(int requests) => sandbox.Faults.ServerErrors(requests);

    protected override void LoseNextWrite() => sandbox.Faults.LoseResponses(1);

    /// <summary>Pipedrive purges deleted persons after 30 days, so a cursor left unread that long is expired.</summary>
    protected override void ExpireCursors() => clock.Shift(TimeSpan.FromDays(31));

    [Fact]
    public async Task Custom_fields_of_every_type_a_new_organization_and_labels_round_trip()
    {
        await using var connector = Connect();
        var schema = await connector.GetSchemaAsync(Ct);
        string Key(string name) => schema.Fields.Single(f => f.Label == name && f.IsCustom).Key;
        var fields = NewContact("ref-custom", "custom@example.com").Fields
            .SetItem("org", Values.Text("Brand New Org"))
            .SetItem(Key("Nickname"), Values.Text("Cee"))
            .SetItem(Key("Score"), Values.Number(12.5m))
            .SetItem(Key("Budget"), Values.Money(1500m, "EUR"))
            .SetItem(Key("Contract start"), Values.Date(new PartialDate(2026, 3, 1)))
            .SetItem(Key("Availability"), Values.DateRange(new PartialDate(2026, 7, 1), new PartialDate(2026, 7, 15)))
            .SetItem(Key("Segment"), Values.Require(FieldType.SingleChoice, "Enterprise"))
            .SetItem(Key("Interests"), Values.MultipleChoice(["Events", "Newsletter"]))
            .SetItem(Key("Account manager"), Values.Require(FieldType.OwnerReference, "1002"))
            .SetItem(Key("Billing address"), Values.Address("Rue de la Loi 16", "Brussels", null, "1000", "Belgium"))
            .SetItem(Key("Assistant phone"), Values.Phone("+32 2 555 12 34"));
        var create = new CreateOperation("c1", "ref-custom", fields, ImmutableSortedSet.Create(StringComparer.Ordinal, "VIP", "New label"));

        var result = Assert.Single(await connector.WriteAsync([create], Ct));
        Assert.True(result.Succeeded, result.Reason);
        var read = Assert.Single(await connector.GetAsync([result.Record!.Id], Ct));

        foreach (var (key, value) in fields)
        {
            Assert.Equal(value.Canonical, read.Get(key)?.Canonical);
        }

        Assert.Equal(["New label", "VIP"], read.Tags); // a tag the company had no label for became one
        Assert.Equal(SchemaTypes.Length, schema.Fields.Count(f => f.IsCustom));
        Assert.Equal(["Enterprise", "Mid-market", "SMB"], schema.Fields.Single(f => f.Key == Key("Segment")).Options.Select(o => o.Label).Order());

        // A multiple-choice field is cleared with null (Pipedrive refuses []).
        var clear = new UpdateOperation("u1", read.Id, read.Version) { Changes = [new FieldChange(Key("Interests"), null)] };
        var cleared = Assert.Single(await connector.WriteAsync([clear], Ct));
        Assert.True(cleared.Succeeded, cleared.Reason);
        Assert.Null(cleared.Record!.Get(Key("Interests")));
    }

    [Fact]
    public async Task A_value_Pipedrive_refuses_is_rejected_with_its_message_and_an_unsubscribe_is_written()
    {
        await using var connector = Connect();
        var id = sandbox.PersonIds()[0].ToString(CultureInfo.InvariantCulture);
        var refused = new UpdateOperation("u1", id, null) { Changes = [new FieldChange("name.first", null), new FieldChange("name.last", null)] };

        var rejected = Assert.Single(await connector.WriteAsync([refused], Ct));
        var unsubscribed = Assert.Single(await connector.WriteAsync([new UpdateOperation("u2", id, null) { Unsubscribe = true }], Ct));
        var missing = Assert.Single(await connector.WriteAsync([new UpdateOperation("u3", "999999", null) { Changes = [new FieldChange("title", Values.Text("x"))] }], Ct));
        var deleted = Assert.Single(await connector.WriteAsync([new DeleteOperation("d1", id)], Ct));

        Assert.Equal(WriteFailureKind.Rejected, rejected.Failure);
        Assert.Equal("Name must be given.", rejected.Reason);
        Assert.True(unsubscribed.Succeeded, unsubscribed.Reason);
        Assert.True(unsubscribed.Record!.IsUnsubscribed);
        Assert.Equal(WriteFailureKind.NotFound, missing.Failure);
        Assert.True(deleted.Succeeded, deleted.Reason);
        Assert.Null(sandbox.Person(int.Parse(id, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Persons_sharing_the_cursors_second_are_neither_lost_nor_repeated()
    {
        await using var connector = Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var ids = sandbox.PersonIds().Take(4).ToList();

        // Two edits, a read, two more edits in (most likely) the same second as the first two.
        EditInApp(ids[0].ToString(CultureInfo.InvariantCulture), "a");
        EditInApp(ids[1].ToString(CultureInfo.InvariantCulture), "b");
        var first = await ReadAllChangesAsync(connector, cursor);
        EditInApp(ids[2].ToString(CultureInfo.InvariantCulture), "c");
        EditInApp(ids[3].ToString(CultureInfo.InvariantCulture), "d");
        var second = await ReadAllChangesAsync(connector, first.Cursor);

        Assert.Equal(ids.Take(2).Select(i => i.ToString(CultureInfo.InvariantCulture)).Order(), first.Changed.Select(r => r.Id).Order());
        Assert.Equal(ids.Skip(2).Select(i => i.ToString(CultureInfo.InvariantCulture)).Order(), second.Changed.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task A_change_feed_of_several_pages_delivers_every_change_once_and_the_deletions_made_meanwhile()
    {
        await using var connector = Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var ids = sandbox.PersonIds().Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var edited = ids.Take(510).ToList();
        edited.ForEach(id => EditInApp(id, "bulk " + id));

        var first = await connector.ReadChangesAsync(cursor, Ct);
        DeleteInApp(ids[^1]);
        DeleteInApp(edited[0]);
        var rest = await ReadAllChangesAsync(connector, first.NextCursor);
        var quiet = await ReadAllChangesAsync(connector, rest.Cursor);

        Assert.True(first.HasMore);
        Assert.Empty(first.DeletedIds);
        var changed = first.Changed.Concat(rest.Changed).Select(r => r.Id).ToList();
        Assert.Equal(changed.Count, changed.Distinct().Count());
        Assert.Equal(edited.Order(), changed.Order());
        Assert.Equal(new[] { ids[^1], edited[0] }.Order(), rest.Deleted.Order());
        Assert.Empty(quiet.Changed);
        Assert.Empty(quiet.Deleted);
    }

    [Fact]
    public async Task A_person_merged_into_another_is_reported_as_a_merge_naming_the_survivor_not_as_a_deletion()
    {
        await using var connector = Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var (gone, survivor) = (sandbox.PersonIds()[3], sandbox.PersonIds()[4]);
        var goneEmail = sandbox.Person(gone)!["emails"]!.AsArray()[0]!["value"]!.GetValue<string>();
        sandbox.EditPerson(survivor, new JsonObject { ["emails"] = new JsonArray() });

        sandbox.MergePersons(gone, survivor);
        var merges = new List<RecordMerge>();
        var deleted = new List<string>();
        var changed = new List<string>();
        ChangePage page;
        do
        {
            page = await connector.ReadChangesAsync(cursor, Ct);
            merges.AddRange(page.Merges);
            deleted.AddRange(page.DeletedIds);
            changed.AddRange(page.Changed.Select(r => r.Id));
            cursor = page.NextCursor;
        }
        while (page.HasMore);

        var (goneId, survivorId) = (gone.ToString(CultureInfo.InvariantCulture), survivor.ToString(CultureInfo.InvariantCulture));
        Assert.Equal([new RecordMerge(goneId, survivorId)], merges);
        Assert.Empty(deleted);
        Assert.Contains(survivorId, changed);
        Assert.DoesNotContain(goneId, changed);
        Assert.Null(sandbox.Person(gone));

        // The survivor's empty emails took the merged person's, as Pipedrive's merge fills what the survivor lacks.
        Assert.Equal(goneEmail, sandbox.Person(survivor)!["emails"]!.AsArray()[0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_read_that_times_out_is_sent_again_and_a_write_refused_by_the_rate_limit_is_sent_again_once()
    {
        var impatient = TestRetries.Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(300) };
        await using var connector = new PipedriveConnectorFactory(impatient).Create(Settings(), new ConnectorContext(clock, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Allowing(host!.BaseUri));
        var id = sandbox.PersonIds()[0].ToString(CultureInfo.InvariantCulture);
        _ = await connector.GetAsync([id], Ct);
        sandbox.Faults.SlowDelay = TimeSpan.FromSeconds(3);
        sandbox.Faults.SlowResponses(1);
        var calls = sandbox.ApiCalls;

        Assert.Single(await connector.GetAsync([id], Ct));
        Assert.Equal(calls + 2, sandbox.ApiCalls);

        RateLimitNext(1);
        var created = Assert.Single(await connector.WriteAsync([NewContact("ref-429", "limited@example.com")], Ct));
        Assert.True(created.Succeeded, created.Reason);
        Assert.Equal(Seeded + 1, sandbox.PersonCount);
    }

    [Fact]
    public async Task A_poll_with_nothing_new_costs_one_call_and_a_batch_of_updates_reads_its_persons_in_one_call()
    {
        await using var connector = Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var calls = sandbox.ApiCalls;

        var quiet = await connector.ReadChangesAsync(cursor, Ct);

        Assert.Equal(calls + 1, sandbox.ApiCalls);
        Assert.Empty(quiet.Changed);
        Assert.Empty(quiet.DeletedIds);
        var ids = sandbox.PersonIds().Take(3).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var read = await connector.GetAsync(ids, Ct);
        calls = sandbox.ApiCalls;

        var results = await connector.WriteAsync([.. read.Select(r => new UpdateOperation("u-" + r.Id, r.Id, r.Version) { Changes = [new FieldChange("title", Values.Text("Batch " + r.Id))] })], Ct);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.Equal(calls + 1 + 3, sandbox.ApiCalls);
        Assert.All(ids, id => Assert.Equal("Batch " + id, sandbox.Person(Id(id))!["job_title"]!.GetValue<string>()));
        var changes = await ReadAllChangesAsync(connector, quiet.NextCursor);
        Assert.Equal(ids.Order(), changes.Changed.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task An_update_whose_answer_is_lost_is_unknown()
    {
        await using var connector = Connect();
        var id = sandbox.PersonIds()[0].ToString(CultureInfo.InvariantCulture);
        _ = await connector.GetAsync([id], Ct);
        LoseNextWrite();

        var lost = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", id, null) { Changes = [new FieldChange("title", Values.Text("Lost"))] }], Ct));

        Assert.Equal(WriteFailureKind.Unknown, lost.Failure);
        Assert.Equal("Lost", sandbox.Person(Id(id))!["job_title"]!.GetValue<string>());
    }

    private static int Id(string recordId) => int.Parse(recordId, CultureInfo.InvariantCulture);

    private AccountSettings Settings() => new(new Dictionary<string, string>
    {
        ["apiToken"] = sandbox.Options.ApiToken,
        ["baseUrl"] = host!.BaseUri.ToString(),
    });

    /// <summary>The system clock moved forward on demand (timers stay real), shared by the sandbox and the connector.</summary>
}
