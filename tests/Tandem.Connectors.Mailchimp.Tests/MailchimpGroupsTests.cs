using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Testing;
using Tandem.Domain.Fields;
using Tandem.Domain.Mapping;
using Tandem.Sandbox.Mailchimp;

namespace Tandem.Connectors.Mailchimp.Tests;

/// <summary>Interest categories (the PRODUCT "groups") as choice fields: read, written one category at a time, read only when needed.</summary>
public sealed partial class MailchimpConformanceTests
{
    private string TopicsKey => "group." + sandbox.InterestCategoryId(Audience, "Topics");

    private string RegionKey => "group." + sandbox.InterestCategoryId(Audience, "Region");

    [Fact]
    public async Task Each_interest_category_is_a_choice_field_whose_options_are_its_interests()
    {
        await using var connector = Connect();

        var schema = await connector.GetSchemaAsync(Ct);

        var topics = schema.Find(TopicsKey)!;
        Assert.Equal(("Topics", FieldType.MultipleChoice), (topics.Label, topics.Type));
        Assert.Equal(["Product news", "Events", "Webinars"], topics.Options.Select(o => o.Label));
        Assert.Equal(sandbox.InterestId(Audience, "Topics", "Events"), topics.Options[1].Id);
        Assert.Equal(FieldType.SingleChoice, schema.Find(RegionKey)!.Type);
        Assert.Equal(FieldType.MultipleChoice, schema.Find("group." + sandbox.InterestCategoryId(Audience, "Internal"))!.Type);
        Assert.True(topics.IsCustom);
        Assert.False(topics.IsReadOnly);
    }

    [Fact]
    public async Task A_members_groups_read_as_interest_ids_and_an_update_writes_only_the_changed_category()
    {
        await using var connector = Connect();
        var email = sandbox.MemberEmails(Audience)[0];
        var (product, events, webinars) = (Interest("Topics", "Product news"), Interest("Topics", "Events"), Interest("Topics", "Webinars"));
        var europe = Interest("Region", "Europe");
        sandbox.EditMember(Audience, email, new JsonObject { ["interests"] = new JsonObject { [product] = true, [events] = true, [webinars] = false, [europe] = true } });
        var id = sandbox.Member(Audience, email)!["contact_id"]!.GetValue<string>();
        var read = Assert.Single(await connector.GetAsync([id], Ct));
        exchanges.Clear();

        var result = Assert.Single(await connector.WriteAsync([new UpdateOperation("u1", id, read.Version) { Changes = [new FieldChange(TopicsKey, Values.MultipleChoice([webinars]))] }], Ct));

        Assert.Equal(Values.MultipleChoice([product, events]).Canonical, read.Get(TopicsKey)?.Canonical);
        Assert.Equal(europe, read.Get(RegionKey)?.Canonical);
        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(webinars, result.Record!.Get(TopicsKey)?.Canonical);
        Assert.Equal(europe, result.Record.Get(RegionKey)?.Canonical);
        var sent = JsonNode.Parse(exchanges.Single(e => e.Method == "POST").RequestBody)!["members"]![0]!["interests"]!.AsObject();
        Assert.Equal(new[] { product, events, webinars }.Order(), sent.Select(p => p.Key).Order());
        Assert.Equal([false, false, true], new[] { product, events, webinars }.Select(i => sent[i]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_create_joins_groups_by_option_and_an_unknown_option_is_refused_with_the_reason()
    {
        await using var connector = Connect();
        await connector.GetSchemaAsync(Ct);
        var asia = Interest("Region", "Asia-Pacific");
        var joined = NewContact("ref-groups", "groups@example.com");
        joined = joined with { Fields = joined.Fields.SetItem(RegionKey, Values.Require(FieldType.SingleChoice, asia)).SetItem(TopicsKey, Values.MultipleChoice([Interest("Topics", "Events")])) };
        var wrong = NewContact("ref-mars", "mars@example.com") with { OperationId = "c-mars" };
        wrong = wrong with { Fields = wrong.Fields.SetItem(RegionKey, Values.Require(FieldType.SingleChoice, "Mars")) };

        var results = await connector.WriteAsync([joined, wrong], Ct);

        Assert.True(results[0].Succeeded, results[0].Reason);
        Assert.Equal(asia, results[0].Record!.Get(RegionKey)?.Canonical);
        Assert.True(sandbox.Member(Audience, "groups@example.com")!["interests"]![asia]!.GetValue<bool>());
        Assert.Equal((WriteFailureKind?)WriteFailureKind.Rejected, results[1].Failure);
        Assert.Equal("'Mars' is not a group of the Mailchimp group category 'Region'.", results[1].Reason);
        Assert.Null(sandbox.Member(Audience, "mars@example.com"));
    }

    [Fact]
    public async Task Groups_are_read_once_per_connector_and_never_for_an_audience_without_any()
    {
        await using (var newsletter = Connect())
        {
            exchanges.Clear();
            _ = await ListAsync(newsletter);
            _ = await newsletter.GetAsync([(await ListAsync(newsletter))[0].Records[0].Id], Ct);

            // One listing of the categories and one of each category's interests, for the first page that shows groups.
            Assert.Equal(1, exchanges.Count(e => e.Path == $"/3.0/lists/{Audience}/interest-categories"));
            Assert.Equal(3, exchanges.Count(e => e.Path.EndsWith("/interests", StringComparison.Ordinal)));
        }

        await using var events = Connect(TestRetries.Fast, MailchimpSandbox.EventsAudienceId);
        exchanges.Clear();
        _ = await ListAsync(events);

        Assert.DoesNotContain(exchanges, e => e.Path.Contains("interest-categories", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_group_added_in_Mailchimp_is_read_by_the_next_listing()
    {
        await using var connector = Connect();
        _ = await ListAsync(connector);
        sandbox.AddInterestCategory(Audience, "Language", "dropdown", "Dutch", "French");
        var dutch = Interest("Language", "Dutch");
        var email = sandbox.MemberEmails(Audience)[3];
        sandbox.EditMember(Audience, email, new JsonObject { ["interests"] = new JsonObject { [dutch] = true } });
        var id = sandbox.Member(Audience, email)!["contact_id"]!.GetValue<string>();

        var read = Assert.Single(await connector.GetAsync([id], Ct));

        Assert.Equal(dutch, read.Get("group." + sandbox.InterestCategoryId(Audience, "Language"))?.Canonical);
    }

    private string Interest(string category, string name) => sandbox.InterestId(Audience, category, name);
}
