using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tandem.Sandbox.Mailchimp;

namespace Tandem.Sandbox.Tests.Mailchimp;

/// <summary>The sandbox's interest categories and interests (groups) over HTTP, and the members' <c>interests</c> map.</summary>
public sealed partial class MailchimpSandboxTests
{
    [Fact]
    public async Task Seeded_groups_list_with_their_interests_and_every_member_shows_every_interest()
    {
        var categories = await GetAsync($"lists/{Audience}/interest-categories?count=1000");
        var topics = categories["categories"]!.AsArray().Single(c => c!["title"]!.GetValue<string>() == "Topics")!;
        var interests = await GetAsync($"lists/{Audience}/interest-categories/{topics["id"]}/interests?count=1000");
        var member = await GetAsync($"lists/{Audience}/members/{MailchimpSandbox.SubscriberHash(sandbox.MemberEmails(Audience)[0])}");
        var events = await GetAsync($"lists/{MailchimpSandbox.EventsAudienceId}/members?count=1");

        Assert.Equal(["Topics:checkboxes", "Region:radio", "Internal:hidden"], categories["categories"]!.AsArray().Select(c => $"{c!["title"]}:{c["type"]}"));
        Assert.Equal(3, categories["total_items"]!.GetValue<int>());
        Assert.Equal(["Product news", "Events", "Webinars"], interests["interests"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal(topics["id"]!.GetValue<string>(), interests["category_id"]!.GetValue<string>());
        Assert.Equal(8, member["interests"]!.AsObject().Count);
        Assert.All(member["interests"]!.AsObject(), p => Assert.Contains(p.Value!.GetValueKind(), new[] { JsonValueKind.True, JsonValueKind.False }));
        Assert.Null(events["members"]![0]!["interests"]);
    }

    [Fact]
    public async Task A_member_joins_and_leaves_interests_by_id_and_an_unknown_id_changes_nothing()
    {
        var email = sandbox.MemberEmails(Audience)[1];
        var hash = MailchimpSandbox.SubscriberHash(email);
        var webinars = sandbox.InterestId(Audience, "Topics", "Webinars");
        var events = sandbox.InterestId(Audience, "Topics", "Events");
        var before = await GetAsync($"lists/{Audience}/members/{hash}");
        clock.Advance(TimeSpan.FromSeconds(5));

        var joined = await SendAsync(HttpMethod.Patch, $"lists/{Audience}/members/{hash}", new JsonObject { ["interests"] = new JsonObject { [webinars] = true, [events] = false } });
        using var refused = await RawAsync(HttpMethod.Patch, $"lists/{Audience}/members/{hash}", new JsonObject { ["interests"] = new JsonObject { ["0000000000"] = true, [webinars] = false } });
        var after = await GetAsync($"lists/{Audience}/members/{hash}");
        var inWebinars = await GetAsync($"lists/{Audience}/members?count=1000&interest_category_id={sandbox.InterestCategoryId(Audience, "Topics")}&interest_ids={webinars}&interest_match=any");

        Assert.True(joined["interests"]![webinars]!.GetValue<bool>());
        Assert.False(joined["interests"]![events]!.GetValue<bool>());
        Assert.NotEqual(before["last_changed"]!.GetValue<string>(), joined["last_changed"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Invalid interest ID: '0000000000'.", (await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]![0]!["message"]!.GetValue<string>());
        Assert.True(after["interests"]![webinars]!.GetValue<bool>());
        Assert.Contains(inWebinars["members"]!.AsArray(), m => m!["email_address"]!.GetValue<string>() == email);
        Assert.All(inWebinars["members"]!.AsArray(), m => Assert.True(m!["interests"]![webinars]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Categories_and_interests_are_added_refused_when_named_twice_and_deleted_from_every_member()
    {
        var category = await SendAsync(HttpMethod.Post, $"lists/{Audience}/interest-categories", new JsonObject { ["title"] = "Plan interest", ["type"] = "dropdown" });
        var id = category["id"]!.GetValue<string>();
        var interest = await SendAsync(HttpMethod.Post, $"lists/{Audience}/interest-categories/{id}/interests", new JsonObject { ["name"] = "Upgrade" });
        using var twice = await RawAsync(HttpMethod.Post, $"lists/{Audience}/interest-categories/{id}/interests", new JsonObject { ["name"] = "upgrade" });
        using var sameTitle = await RawAsync(HttpMethod.Post, $"lists/{Audience}/interest-categories", new JsonObject { ["title"] = "topics", ["type"] = "checkboxes" });
        var email = sandbox.MemberEmails(Audience)[2];
        _ = await SendAsync(HttpMethod.Patch, $"lists/{Audience}/members/{MailchimpSandbox.SubscriberHash(email)}", new JsonObject { ["interests"] = new JsonObject { [interest["id"]!.GetValue<string>()] = true } });

        using var deleted = await RawAsync(HttpMethod.Delete, $"lists/{Audience}/interest-categories/{id}", null);
        using var gone = await http!.GetAsync(new Uri($"lists/{Audience}/interest-categories/{id}", UriKind.Relative), Ct);
        var member = await GetAsync($"lists/{Audience}/members/{MailchimpSandbox.SubscriberHash(email)}");

        Assert.Equal("dropdown", category["type"]!.GetValue<string>());
        Assert.Equal("Upgrade", interest["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal("Cannot add \"topics\" because it already exists on the list.", (await sameTitle.Content.ReadFromJsonAsync<JsonObject>(Ct))!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Null(member["interests"]![interest["id"]!.GetValue<string>()]);
    }
}
