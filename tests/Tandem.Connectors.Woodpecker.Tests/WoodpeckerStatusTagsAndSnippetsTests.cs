using System.Collections.Immutable;
using System.Globalization;
using Tandem.Connectors.Contract;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;

namespace Tandem.Connectors.Woodpecker.Tests;

/// <summary>BLACKLIST as an unsubscribe Tandem never reverses, tags in the <c>#TAG</c> string, snippets with their labels.</summary>
public sealed class WoodpeckerStatusTagsAndSnippetsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_blacklisted_prospect_reads_as_unsubscribed_with_its_status()
    {
        await using var run = await WoodpeckerRun.StartAsync(prospects: 10);
        await using var connector = run.Connect();
        var id = run.Sandbox.ProspectIds()[3];
        run.Sandbox.SetStatus(id, "BLACKLIST");

        var record = Assert.Single(await connector.GetAsync([Text(id)], Ct));

        Assert.True(record.IsUnsubscribed);
        Assert.Equal("BLACKLIST", record.Get(WoodpeckerFieldKeys.Status)?.Canonical);
    }

    [Fact]
    public async Task Unsubscribing_blacklists_the_prospect_and_no_later_write_takes_it_off_the_blacklist()
    {
        await using var run = await WoodpeckerRun.StartAsync(prospects: 10);
        await using var connector = run.Connect();
        var id = run.Sandbox.ProspectIds()[4];
        var record = Assert.Single(await connector.GetAsync([Text(id)], Ct));

        var unsubscribed = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", record.Id, record.Version) { Unsubscribe = true }], Ct));
        var edited = Assert.Single(await connector.WriteAsync([new UpdateOperation("u2", record.Id, unsubscribed.Record!.Version) { Changes = [new FieldChange(StandardFieldKeys.Title, Values.Text("CEO"))], AddTags = ["New"] }], Ct));

        Assert.True(unsubscribed.Record.IsUnsubscribed);
        Assert.True(edited.Succeeded, edited.Reason);
        Assert.Equal("BLACKLIST", run.Sandbox.StatusOf(id));
        Assert.True(Assert.Single(await connector.GetAsync([record.Id], Ct)).IsUnsubscribed);
    }

    [Fact]
    public async Task A_new_prospect_created_unsubscribed_starts_blacklisted()
    {
        await using var run = await WoodpeckerRun.StartAsync(prospects: 10);
        await using var connector = run.Connect();

        var created = Assert.Single(await connector.WriteAsync([new CreateOperation("c", "c", ImmutableDictionary<string, FieldValue>.Empty.Add(StandardFieldKeys.Emails, Values.Email("gone@example.com")), ImmutableSortedSet<string>.Empty) { Unsubscribed = true }], Ct));

        Assert.Equal("BLACKLIST", run.Sandbox.StatusOf(int.Parse(created.Record!.Id, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Tags_are_hash_words_and_a_tag_with_spaces_comes_back_as_it_was_written()
    {
        await using var run = await WoodpeckerRun.StartAsync(prospects: 10);
        await using var connector = run.Connect();
        var id = run.Sandbox.ProspectIds()[1];
        run.Sandbox.EditProspect(id, new Dictionary<string, string> { ["tags"] = "#VC #SECONDARYEMAIL" });
        var record = Assert.Single(await connector.GetAsync([Text(id)], Ct));

        var done = Assert.Single(await connector.WriteAsync([new UpdateOperation("t", record.Id, record.Version) { AddTags = ["Tandem Unsubscribes"], RemoveTags = ["VC"] }], Ct));

        Assert.Equal(["SECONDARYEMAIL", "VC"], record.Tags);
        Assert.Equal("#SECONDARYEMAIL #Tandem_Unsubscribes", run.Sandbox.Prospect(id)!["tags"]!.GetValue<string>());
        Assert.Equal(["SECONDARYEMAIL", "Tandem Unsubscribes"], Assert.Single(await connector.GetAsync([record.Id], Ct)).Tags);
        Assert.Equal(done.Record!.Tags, Assert.Single(await connector.GetAsync([record.Id], Ct)).Tags);
    }

    [Fact]
    public async Task The_snippets_are_custom_fields_labelled_as_the_account_labelled_them()
    {
        await using var run = await WoodpeckerRun.StartAsync(prospects: 10);
        await using var connector = run.Connect();
        var id = run.Sandbox.ProspectIds()[0];
        run.Sandbox.EditProspect(id, new Dictionary<string, string> { ["snippet1"] = "Slow builds", ["snippet2"] = "Loved your talk", ["snippet9"] = "Ninth" });

        var schema = await connector.GetSchemaAsync(Ct);
        var record = Assert.Single(await connector.GetAsync([Text(id)], Ct));

        Assert.Equal("Pain point", schema.Find("snippet1")!.Label);
        Assert.Equal("Opening line", schema.Find("snippet2")!.Label);
        Assert.Equal("Snippet 3", schema.Find("snippet3")!.Label);
        Assert.All(Enumerable.Range(1, 15), n => Assert.True(schema.Find("snippet" + n) is { IsCustom: true, Type: FieldType.Text }));

        // The listing names snippet 9 "snipper9", as Woodpecker's own sample does.
        Assert.Equal("Ninth", record.Get("snippet9")?.Canonical);
        Assert.Equal("Slow builds", record.Get("snippet1")?.Canonical);
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
