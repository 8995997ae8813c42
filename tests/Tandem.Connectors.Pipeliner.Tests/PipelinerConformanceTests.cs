using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Connectors.Testing.Conformance;
using Tandem.Connectors.Testing.Specs;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipeliner;

namespace Tandem.Connectors.Pipeliner.Tests;

/// <summary>
/// The Pipeliner connector against the Pipeliner sandbox over HTTP on 127.0.0.1, every exchange checked against the
/// Power Platform Swagger file. The demo space has a custom date field "Birthday", which the connector reads as the
/// contact's birthday.
/// </summary>
public sealed class PipelinerConformanceTests : ConnectorConformanceTests
{
    private const int Seeded = 250;

    private readonly ShiftedClock clock = new();
    private readonly OpenApiValidator validator = PipelinerOpenApi.CreateValidator();
    private readonly PipelinerSandbox sandbox;
    private SandboxHost? host;

    public PipelinerConformanceTests()
    {
        sandbox = new PipelinerSandbox(new PipelinerSandboxOptions { SeedContacts = Seeded }, clock);
    }

    protected override int SeededContacts => Seeded;

    public override async ValueTask InitializeAsync() => host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        validator.AssertNoViolations();
    }

    protected override IContactConnector Connect() => Connect(salesUnit: null);

    protected override void EditInApp(string recordId, string note) => sandbox.EditContact(recordId, new JsonObject { ["comments"] = note });

    protected override void DeleteInApp(string recordId) => sandbox.DeleteContact(recordId);

    protected override void RateLimitNext(int requests) => sandbox.Faults.RateLimitStorm(requests);

    protected override void FailNext(int requests) => sandbox.Faults.ServerErrors(requests);

    protected override void LoseNextWrite() => sandbox.Faults.LoseResponses(1);

    /// <summary>The connector assumes deleted contacts may be purged after 30 days, so a cursor left unread that long is expired.</summary>
    protected override void ExpireCursors() => clock.Shift(TimeSpan.FromDays(31));

    [Fact]
    public async Task Gender_is_read_and_written_as_words_and_a_gender_Pipeliner_lacks_is_refused_by_its_label()
    {
        await using var connector = Connect();
        var fields = NewContact("ref-gender", "gender@example.com").Fields.SetItem(StandardFieldKeys.Gender, Values.Text("Female"));

        var created = Assert.Single(await connector.WriteAsync([new CreateOperation("c1", "ref-gender", fields, ImmutableSortedSet<string>.Empty)], Ct));
        Assert.True(created.Succeeded, created.Reason);
        Assert.Equal(2, sandbox.Contact(created.Record!.Id)!["gender"]!.GetValue<int>());
        Assert.Equal("female", created.Record.Get(StandardFieldKeys.Gender)?.Canonical);

        sandbox.EditContact(created.Record.Id, new JsonObject { ["gender"] = 3 });
        Assert.Equal("non-binary", Assert.Single(await connector.GetAsync([created.Record.Id], Ct)).Get(StandardFieldKeys.Gender)?.Canonical);
        sandbox.EditContact(created.Record.Id, new JsonObject { ["gender"] = 0 });
        Assert.Null(Assert.Single(await connector.GetAsync([created.Record.Id], Ct)).Get(StandardFieldKeys.Gender));

        var refused = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", created.Record.Id, null) { Changes = [new FieldChange(StandardFieldKeys.Gender, Values.Text("other"))] }], Ct));
        Assert.Equal(WriteFailureKind.Rejected, refused.Failure);
        Assert.Equal("Pipeliner's Gender can only be male, female or non-binary, not \u201cother\u201d.", refused.Reason);
    }

    [Fact]
    public async Task One_refused_contact_of_a_batch_fails_alone_with_the_field_named_by_its_label()
    {
        await using var connector = Connect();
        var bad = NewContact("ref-bad", "bad@example.com");
        bad = bad with { Fields = bad.Fields.SetItem("emails", new ListValue(FieldType.Email, [new LabelledValue("work", Values.Email("not-an-email"))])) };

        var results = await connector.WriteAsync([NewContact("ref-a", "a@example.com"), bad, NewContact("ref-c", "c@example.com")], Ct);

        Assert.True(results[0].Succeeded, results[0].Reason);
        Assert.Equal(WriteFailureKind.Rejected, results[1].Failure);
        Assert.Equal("Pipeliner refused Email 1: Invalid email address!", results[1].Reason);
        Assert.True(results[2].Succeeded, results[2].Reason);
        Assert.Equal(Seeded + 2, sandbox.ContactCount);
    }

    [Fact]
    public async Task A_custom_value_Pipeliner_refuses_names_the_custom_field_by_its_label()
    {
        await using var connector = Connect();
        var id = sandbox.ContactIds()[0];

        var refused = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", id, null) { Changes = [new FieldChange("cf_headcount", Values.Number(12.5m))] }], Ct));

        Assert.Equal(WriteFailureKind.Rejected, refused.Failure);
        Assert.Equal("Pipeliner refused Headcount: Value must be a whole number.", refused.Reason);
    }

    [Fact]
    public async Task A_contact_without_a_last_name_gets_one_and_is_owned_by_the_settings_user_in_its_sales_unit()
    {
        await using var connector = Connect(salesUnit: PipelinerSandbox.SalesUnits[1].Id);
        var create = new CreateOperation("c1", "ref-cher", ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
        {
            ["name.first"] = Values.Text("Cher"),
            ["emails"] = new ListValue(FieldType.Email, [new LabelledValue("work", Values.Email("cher@example.com"))]),
        }), ImmutableSortedSet<string>.Empty);

        var result = Assert.Single(await connector.WriteAsync([create], Ct));

        Assert.True(result.Succeeded, result.Reason);
        var stored = sandbox.Contact(result.Record!.Id)!;
        Assert.Equal("Cher", stored["last_name"]!.GetValue<string>());
        Assert.Equal(PipelinerSandbox.Clients[1].Id, stored["owner_id"]!.GetValue<string>());
        Assert.Equal(PipelinerSandbox.SalesUnits[1].Id, stored["unit_id"]!.GetValue<string>());
        Assert.Equal(PipelinerSandbox.SalesUnits[1].Name, result.Record.Get(PipelinerFieldKeys.SalesUnit)?.Canonical);
    }

    [Fact]
    public async Task Custom_fields_of_every_type_round_trip_and_an_unknown_option_is_refused_before_sending()
    {
        await using var connector = Connect();
        var schema = await connector.GetSchemaAsync(Ct);
        var fields = NewContact("ref-custom", "custom@example.com").Fields
            .SetItem("cf_nickname", Values.Text("Cee"))
            .SetItem("cf_background", Values.Text("Met at\nthe fair"))
            .SetItem("cf_industry", Values.Require(FieldType.SingleChoice, "Retail"))
            .SetItem("cf_preferred_channel", Values.Require(FieldType.SingleChoice, "Phone"))
            .SetItem("cf_newsletters", Values.MultipleChoice(["Events", "Offers"]))
            .SetItem("cf_vip", Values.Boolean(true))
            .SetItem("cf_budget", Values.Number(1500.5m))
            .SetItem("cf_headcount", Values.Number(42))
            .SetItem("cf_last_meeting", Values.Require(FieldType.DateTime, "2026-03-01T10:30:00Z"))
            .SetItem(PipelinerFieldKeys.SalesUnit, Values.Require(FieldType.SingleChoice, "Americas"))
            .SetItem(PipelinerFieldKeys.Salutation, Values.Text("Dr"));
        var created = Assert.Single(await connector.WriteAsync([new CreateOperation("c1", "ref-custom", fields, ImmutableSortedSet<string>.Empty)], Ct));
        var refused = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", created.Record!.Id, null) { Changes = [new FieldChange("cf_industry", Values.Require(FieldType.SingleChoice, "Mining"))] }], Ct));

        Assert.True(created.Succeeded, created.Reason);
        var read = Assert.Single(await connector.GetAsync([created.Record.Id], Ct));
        foreach (var (key, value) in fields)
        {
            var expected = value is ListValue list && schema.Find(key) is { IsList: false } ? list.Primary.Canonical : value.Canonical;
            Assert.Equal(expected, read.Get(key)?.Canonical);
        }

        Assert.Equal(["Manufacturing", "Retail", "Software"], schema.Find("cf_industry")!.Options.Select(o => o.Label).Order());
        Assert.Equal(FieldRole.Birthday, schema.Find("birthday")!.Role);
        Assert.Equal(WriteFailureKind.Rejected, refused.Failure);
        Assert.Equal("Industry: 'Mining' is not one of its options in Pipeliner.", refused.Reason);
    }

    [Fact]
    public async Task A_quiet_poll_costs_one_call_and_a_batch_of_updates_one_read_and_one_write()
    {
        await using var connector = Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var calls = sandbox.ApiCalls;

        var quiet = await connector.ReadChangesAsync(cursor, Ct);

        Assert.Equal(calls + 1, sandbox.ApiCalls);
        Assert.Empty(quiet.Changed);
        Assert.Empty(quiet.DeletedIds);
        var ids = sandbox.ContactIds().Take(3).ToList();
        var read = await connector.GetAsync(ids, Ct);
        calls = sandbox.ApiCalls;

        var results = await connector.WriteAsync([.. read.Select(r => new UpdateOperation("u-" + r.Id, r.Id, r.Version) { Changes = [new FieldChange("title", Values.Text("Batch"))] })], Ct);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.Equal(calls + 2, sandbox.ApiCalls);
        Assert.All(ids, id => Assert.Equal("Batch", sandbox.Contact(id)!["position"]!.GetValue<string>()));
        var changes = await ReadAllChangesAsync(connector, quiet.NextCursor);
        Assert.Equal(ids.Order(), changes.Changed.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task A_change_feed_of_several_pages_delivers_every_change_once_and_the_deletions_made_meanwhile()
    {
        await using var connector = Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var ids = sandbox.ContactIds().ToList();
        var edited = ids.Take(130).ToList();
        edited.ForEach(id => EditInApp(id, "bulk " + id));

        var first = await connector.ReadChangesAsync(cursor, Ct);
        DeleteInApp(ids[^1]);
        DeleteInApp(edited[0]);
        var rest = await ReadAllChangesAsync(connector, first.NextCursor);
        var quiet = await ReadAllChangesAsync(connector, rest.Cursor);

        Assert.True(first.HasMore);
        var changed = first.Changed.Concat(rest.Changed).Select(r => r.Id).ToList();
        Assert.Equal(changed.Count, changed.Distinct().Count());
        Assert.Equal(edited.Order(), changed.Order());
        Assert.Equal(new[] { ids[^1], edited[0] }.Order(), rest.Deleted.Order());
        Assert.Empty(quiet.Changed);
        Assert.Empty(quiet.Deleted);
    }

    [Fact]
    public async Task A_malformed_feed_page_fails_the_read_and_the_deletion_it_hid_is_still_reported_afterwards()
    {
        await using var connector = Connect();
        var cursor = (await ListAsync(connector))[^1].CursorAfter!;
        var gone = sandbox.ContactIds()[3];
        DeleteInApp(gone);
        sandbox.Faults.MalformedPages(1);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.ReadChangesAsync(cursor, Ct));
        var changes = await ReadAllChangesAsync(connector, cursor);

        Assert.Equal("Pipeliner answered a page of Contacts that cannot be read; the run stops, and nothing is taken as deleted.", error.Message);
        Assert.Equal([gone], changes.Deleted);
        Assert.Empty(changes.Changed);
    }

    [Fact]
    public async Task A_wrong_password_is_an_authorisation_failure()
    {
        await using var connector = new PipelinerConnectorFactory(TestRetries.Fast).Create(Settings(null, password: "wrong"), Context());

        var error = await Assert.ThrowsAnyAsync<ConnectorException>(() => connector.GetSchemaAsync(Ct));

        Assert.True(error.IsAuthorizationFailure);
    }

    [Fact]
    public async Task The_user_and_sales_unit_are_picked_by_name_from_the_space_and_an_unknown_one_lists_the_spaces_own()
    {
        var byName = Settings("EMEA", owner: "sam@sandbox.example");
        await using var named = new PipelinerConnectorFactory(TestRetries.Fast).Create(byName, Context());
        await using var unknown = new PipelinerConnectorFactory(TestRetries.Fast).Create(Settings("Antarctica"), Context());

        var created = Assert.Single(await named.WriteAsync([NewContact("ref-named", "named@example.com")], Ct));
        var error = await Assert.ThrowsAsync<ConnectorSettingsException>(() => unknown.GetSchemaAsync(Ct));

        Assert.True(created.Succeeded, created.Reason);
        Assert.Equal(PipelinerSandbox.SalesUnits[1].Id, sandbox.Contact(created.Record!.Id)!["unit_id"]!.GetValue<string>());
        Assert.Equal(PipelinerSandbox.Clients[1].Id, sandbox.Contact(created.Record.Id)!["owner_id"]!.GetValue<string>());
        Assert.Equal("The setting Sales unit must be one of this space's sales units: Americas, EMEA, Headquarters.", error.Message);
    }

    private IContactConnector Connect(string? salesUnit) => new PipelinerConnectorFactory(TestRetries.Fast).Create(Settings(salesUnit), Context());

    private ConnectorContext Context() => new ConnectorContext(clock, NullLoggerFactory.Instance).Allowing(host!.BaseUri);

    private AccountSettings Settings(string? salesUnit, string? password = null, string? owner = null)
    {
        var values = new Dictionary<string, string>
        {
            ["apiToken"] = sandbox.Options.ApiToken,
            ["apiPassword"] = password ?? sandbox.Options.ApiPassword,
            ["spaceId"] = sandbox.Options.SpaceId,
            ["serviceUrl"] = host!.BaseUri.ToString(),
            ["ownerId"] = owner ?? PipelinerSandbox.Clients[1].Id,
        };
        if (salesUnit is not null)
        {
            values["salesUnitId"] = salesUnit;
        }

        return new AccountSettings(values);
    }
}
