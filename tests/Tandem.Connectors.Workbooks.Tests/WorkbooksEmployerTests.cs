using System.Collections.Immutable;
using System.Globalization;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.Workbooks.Tests;

/// <summary>A person's employer is an organisation (<c>employer_link</c>), found by its name, created once when Workbooks has none.</summary>
public sealed class WorkbooksEmployerTests : IAsyncLifetime
{
    private readonly WorkbooksSandboxFixture fixture = new(new Sandbox.Workbooks.WorkbooksSandboxOptions { SeedPeople = 20 });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await fixture.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task A_new_person_is_linked_to_the_existing_organisation_of_that_name()
    {
        await using var connector = fixture.Connect();

        var result = Assert.Single(await connector.WriteAsync([Create("ref-acme", "acme ltd")], Ct));

        Assert.True(result.Succeeded, result.Reason);
        var person = fixture.Sandbox.Person(WorkbooksSandboxFixture.Id(result.Record!.Id))!;
        var link = person["employer_link"]!.GetValue<int>();
        Assert.Equal("Acme Ltd", fixture.Sandbox.OrganisationName(link));
        Assert.Equal("Acme Ltd", result.Record.Get("org")?.Canonical);
    }

    [Fact]
    public async Task An_employer_Workbooks_has_no_organisation_for_is_created_once_for_the_batch_and_linked()
    {
        await using var connector = fixture.Connect();

        var results = await connector.WriteAsync([Create("ref-new", "Newco Trading"), Create("ref-new-2", "newco trading")], Ct);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        var links = results.Select(r => fixture.Sandbox.Person(WorkbooksSandboxFixture.Id(r.Record!.Id))!["employer_link"]!.GetValue<int>()).Distinct().ToList();
        Assert.Equal("Newco Trading", fixture.Sandbox.OrganisationName(Assert.Single(links)));
        Assert.Equal(1, fixture.Sandbox.OrganisationsNamed("Newco Trading"));
        Assert.Equal("Newco Trading", results[0].Record!.Get("org")?.Canonical);
    }

    [Fact]
    public async Task An_organisation_whose_create_answer_was_lost_is_found_again_by_name_and_never_made_twice()
    {
        await using var connector = fixture.Connect();
        _ = await connector.GetSchemaAsync(Ct);
        fixture.Sandbox.Faults.LoseResponses(1);

        var first = Assert.Single(await connector.WriteAsync([Create("ref-lost", "Lostwave Ltd")], Ct));
        await using var later = fixture.Connect();
        var second = Assert.Single(await later.WriteAsync([Create("ref-later", "Lostwave Ltd")], Ct));

        Assert.True(first.Succeeded, first.Reason);
        Assert.True(second.Succeeded, second.Reason);
        Assert.Equal(1, fixture.Sandbox.OrganisationsNamed("Lostwave Ltd"));
        var link = fixture.Sandbox.Person(WorkbooksSandboxFixture.Id(first.Record!.Id))!["employer_link"]!.GetValue<int>();
        Assert.Equal(link, fixture.Sandbox.Person(WorkbooksSandboxFixture.Id(second.Record!.Id))!["employer_link"]!.GetValue<int>());
    }

    [Fact]
    public async Task Changing_the_employer_moves_the_link_and_clearing_it_removes_the_link()
    {
        await using var connector = fixture.Connect();
        var id = fixture.Sandbox.PersonIds()[0].ToString(CultureInfo.InvariantCulture);
        var read = Assert.Single(await connector.GetAsync([id], Ct));

        var moved = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", id, read.Version) { Changes = [new FieldChange("org", Values.Text("Cobalt Systems"))] }], Ct));
        Assert.True(moved.Succeeded, moved.Reason);
        Assert.Equal("Cobalt Systems", fixture.Sandbox.OrganisationName(fixture.Sandbox.Person(WorkbooksSandboxFixture.Id(id))!["employer_link"]!.GetValue<int>()));
        Assert.Equal("Cobalt Systems", moved.Record!.Get("org")?.Canonical);

        var cleared = Assert.Single(await connector.WriteAsync([new UpdateOperation("u2", id, moved.Record.Version) { Changes = [new FieldChange("org", null)] }], Ct));
        Assert.True(cleared.Succeeded, cleared.Reason);
        Assert.Null(fixture.Sandbox.Person(WorkbooksSandboxFixture.Id(id))!["employer_link"]);
        Assert.Null(cleared.Record!.Get("org"));
    }

    [Fact]
    public async Task An_employer_already_looked_up_costs_no_further_call()
    {
        await using var connector = fixture.Connect();
        Assert.True(Assert.Single(await connector.WriteAsync([Create("ref-1", "Brightwater plc")], Ct)).Succeeded);
        var calls = fixture.Sandbox.ApiCalls;

        Assert.True(Assert.Single(await connector.WriteAsync([Create("ref-2", "Brightwater plc")], Ct)).Succeeded);

        // The write alone: the schema and the organisation's id are known.
        Assert.Equal(calls + 1, fixture.Sandbox.ApiCalls);
    }

    private static CreateOperation Create(string reference, string employer) => new(
        "create-" + reference,
        reference,
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, FieldValue>
        {
            ["name.first"] = Values.Text("Org"),
            ["name.last"] = Values.Text(reference),
            ["org"] = Values.Text(employer),
        }),
        ImmutableSortedSet<string>.Empty);
}
