using System.Collections.Immutable;
using System.Globalization;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.Woodpecker.Tests;

/// <summary>Writes in as few calls as Woodpecker allows: one upsert for a batch's creates and updates, deletes by id lists within the URL limit.</summary>
public sealed class WoodpeckerWritesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_thousand_creates_go_in_one_add_prospects_list_call()
    {
        await using var run = await WoodpeckerRun.StartAsync(prospects: 10);
        await using var connector = run.Connect();
        var creates = Enumerable.Range(0, 2000).Select(i => Create(i.ToString(CultureInfo.InvariantCulture), $"p{i}@example.com")).ToList();

        var calls = run.Sandbox.ApiCalls;
        var results = await connector.WriteAsync(creates, Ct);

        Assert.Equal(1, run.Sandbox.ApiCalls - calls);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.Equal(2010, run.Sandbox.ProspectCount);
        Assert.Equal(2000, results.Select(r => r.Record!.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_hundred_updates_cost_one_listing_page_to_check_and_one_upsert()
    {
        await using var run = await WoodpeckerRun.StartAsync(prospects: 150);
        await using var connector = run.Connect();
        var updates = run.Sandbox.ProspectIds().Skip(50).Take(100)
            .Select(id => (WriteOperation)new UpdateOperation("u" + id, id.ToString(CultureInfo.InvariantCulture), null) { Changes = [new FieldChange(StandardFieldKeys.Title, Values.Text("Batch"))] })
            .ToList();

        var calls = run.Sandbox.ApiCalls;
        var results = await connector.WriteAsync(updates, Ct);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.Equal(2, run.Sandbox.ApiCalls - calls);
        Assert.All(run.Sandbox.ProspectIds().Skip(50).Take(100), id => Assert.Equal("Batch", run.Sandbox.Prospect(id)!["title"]!.GetValue<string>()));
    }

    [Fact]
    public void A_batch_is_at_most_the_20000_prospects_one_call_takes()
    {
        Assert.Equal(20_000, new WoodpeckerConnectorFactory().Descriptor.Capabilities.WriteBatchSize);
    }

    [Fact]
    public async Task An_update_sends_only_what_changes_and_fields_left_out_stay_as_they_are()
    {
        await using var run = await WoodpeckerRun.StartAsync(prospects: 10);
        await using var connector = run.Connect();
        var id = run.Sandbox.ProspectIds()[2];
        var before = run.Sandbox.Prospect(id)!;
        var record = Assert.Single(await connector.GetAsync([id.ToString(CultureInfo.InvariantCulture)], Ct));

        var done = Assert.Single(await connector.WriteAsync([new UpdateOperation("u", record.Id, record.Version) { Changes = [new FieldChange(StandardFieldKeys.Org, Values.Text("Hooli XYZ"))] }], Ct));
        var after = run.Sandbox.Prospect(id)!;

        Assert.True(done.Succeeded, done.Reason);
        Assert.Equal("Hooli XYZ", after["company"]!.GetValue<string>());
        Assert.Equal(before["first_name"]!.GetValue<string>(), after["first_name"]!.GetValue<string>());
        Assert.Equal(before["industry"]!.GetValue<string>(), after["industry"]!.GetValue<string>());
        Assert.Equal(done.Record!.Version, Assert.Single(await connector.GetAsync([record.Id], Ct)).Version);
    }

    [Fact]
    public async Task A_refused_email_fails_that_prospect_alone_with_the_reason()
    {
        await using var run = await WoodpeckerRun.StartAsync(prospects: 10);
        await using var connector = run.Connect();

        var results = await connector.WriteAsync([Create("good", "good@example.com"), Create("bad", "not-an-email@nowhere")], Ct);

        Assert.True(results[0].Succeeded, results[0].Reason);
        Assert.Equal(WriteFailureKind.Rejected, results[1].Failure);
        Assert.Equal("Woodpecker refused the email address as invalid.", results[1].Reason);
    }

    [Fact]
    public async Task Deletions_go_by_id_lists_that_keep_every_URL_within_4100_characters()
    {
        await using var run = await WoodpeckerRun.StartAsync(prospects: 1000);
        await using var connector = run.Connect();
        var deletes = run.Sandbox.ProspectIds().Select(id => (WriteOperation)new DeleteOperation("d" + id, id.ToString(CultureInfo.InvariantCulture))).ToList();

        var calls = run.Sandbox.ApiCalls;
        var results = await connector.WriteAsync(deletes, Ct);

        // 1000 four-digit ids and their commas are some 5,000 characters: two calls, each refused by the sandbox if too long.
        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.Equal(2, run.Sandbox.ApiCalls - calls);
        Assert.Equal(0, run.Sandbox.ProspectCount);
    }

    private static CreateOperation Create(string reference, string email) => new(
        "create-" + reference,
        reference,
        ImmutableDictionary<string, FieldValue>.Empty.Add(StandardFieldKeys.Emails, Values.Create(FieldType.Email, email) ?? Values.Text(email)),
        ImmutableSortedSet<string>.Empty);
}
