using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Sandbox;

namespace Tandem.Connectors.Mailchimp.Tests;

/// <summary>
/// How many calls a batch costs (issue 3: ceil(N / 500) writes plus the listing calls): results come from the batch
/// answer, and a batch of updates finds its members with one listing instead of a read per member.
/// </summary>
public sealed partial class MailchimpConformanceTests
{
    [Fact]
    public async Task A_batch_of_creates_costs_one_call_and_its_results_read_as_the_members_do()
    {
        await using var connector = Connect();
        _ = await connector.GetSchemaAsync(Ct);
        var creates = Enumerable.Range(0, 50).Select(i => NewContact("ref-count-" + i, $"count.{i}@example.com")).ToList();
        exchanges.Clear();

        var results = await connector.WriteAsync(creates, Ct);

        var call = Assert.Single(exchanges);
        Assert.Equal(("POST", $"/3.0/lists/{Audience}"), (call.Method, call.Path));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        var read = await connector.GetAsync(results.Select(r => r.Record!.Id).ToList(), Ct);
        Assert.Equal(results.Select(r => (r.Record!.Id, r.Record.Version)).Order(), read.Select(r => (r.Id, r.Version)).Order());
    }

    [Fact]
    public async Task A_batch_of_updates_reads_its_members_with_one_listing_not_one_read_each()
    {
        await using var connector = Connect();
        var records = (await ListAsync(connector)).SelectMany(p => p.Records).Take(300).ToList();
        var updates = records.Select((r, i) => new UpdateOperation("u" + i, r.Id, r.Version) { Changes = [new FieldChange("title", Values.Text("Counted " + i))] }).ToList();
        exchanges.Clear();

        var results = await connector.WriteAsync(updates, Ct);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.Equal(1, exchanges.Count(e => e.Method == "POST"));
        Assert.DoesNotContain(exchanges, e => e.Path.StartsWith($"/3.0/lists/{Audience}/members/", StringComparison.Ordinal));
        Assert.InRange(exchanges.Count(e => e.Method == "GET" && e.Path == $"/3.0/lists/{Audience}/members"), 1, 2);
        Assert.Equal("Counted 7", results[7].Record!.Get("title")?.Canonical);
        var read = await connector.GetAsync(results.Select(r => r.Record!.Id).ToList(), Ct);
        Assert.Equal(results.Select(r => (r.Record!.Id, r.Record.Version)).Order(), read.Select(r => (r.Id, r.Version)).Order());
    }

    [Fact]
    public async Task A_member_edited_in_Mailchimp_before_a_batch_update_is_stale_and_the_others_are_written()
    {
        await using var connector = Connect();
        var records = (await ListAsync(connector)).SelectMany(p => p.Records).Take(3).ToList();
        EditInApp(records[1].Id, "edited before the batch");
        var updates = records.Select((r, i) => new UpdateOperation("u" + i, r.Id, r.Version) { Changes = [new FieldChange("title", Values.Text("Batch " + i))] }).ToList();

        var results = await connector.WriteAsync(updates, Ct);

        Assert.Equal([null, WriteFailureKind.StaleVersion, null], results.Select(r => r.Failure));
        Assert.Equal("edited before the batch", sandbox.Member(Audience, records[1].Id)!["merge_fields"]!["NOTES"]!.GetValue<string>());
        Assert.NotEqual("Batch 1", sandbox.Member(Audience, records[1].Id)!["merge_fields"]!["TITLE"]?.GetValue<string>());
    }
}
