using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tandem.Sandbox.Mailchimp;

namespace Tandem.Sandbox.Tests.Mailchimp;

/// <summary>Adding merge fields to the sandbox: Mailchimp's generated tags, tags in use, the per-audience limit.</summary>
public sealed partial class MailchimpSandboxTests
{
    [Fact]
    public async Task A_field_added_without_a_tag_is_named_MMERGE_and_its_merge_id()
    {
        var added = await SendAsync(HttpMethod.Post, $"lists/{Audience}/merge-fields", new JsonObject { ["name"] = "Favourite colour", ["type"] = "dropdown", ["options"] = new JsonObject { ["choices"] = new JsonArray("Red", "Blue") }, ["public"] = false });
        var listed = await GetAsync($"lists/{Audience}/merge-fields?count=100");

        Assert.Equal("MMERGE" + added["merge_id"]!.GetValue<int>(), added["tag"]!.GetValue<string>());
        Assert.False(added["public"]!.GetValue<bool>());
        Assert.Equal(["Red", "Blue"], added["options"]!["choices"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains(listed["merge_fields"]!.AsArray(), f => f!["tag"]!.GetValue<string>() == added["tag"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tag_in_use_a_choice_field_without_choices_and_one_field_too_many_are_refused()
    {
        using var inUse = await RawAsync(HttpMethod.Post, $"lists/{Audience}/merge-fields", new JsonObject { ["name"] = "Other first name", ["type"] = "text", ["tag"] = "fname" });
        using var email = await RawAsync(HttpMethod.Post, $"lists/{Audience}/merge-fields", new JsonObject { ["name"] = "Email again", ["type"] = "text", ["tag"] = "EMAIL" });
        using var noChoices = await RawAsync(HttpMethod.Post, $"lists/{Audience}/merge-fields", new JsonObject { ["name"] = "Size", ["type"] = "radio" });
        var count = (await GetAsync($"lists/{Audience}/merge-fields"))["total_items"]!.GetValue<int>();
        for (var i = count; i < sandbox.Options.MaxMergeFields; i++)
        {
            _ = await SendAsync(HttpMethod.Post, $"lists/{Audience}/merge-fields", new JsonObject { ["name"] = "Filler " + i, ["type"] = "text" });
        }

        using var tooMany = await RawAsync(HttpMethod.Post, $"lists/{Audience}/merge-fields", new JsonObject { ["name"] = "One too many", ["type"] = "text" });

        Assert.Equal("A merge field with the tag \"FNAME\" already exists in this audience.", await DetailAsync(inUse));
        Assert.Equal(HttpStatusCode.BadRequest, email.StatusCode);
        Assert.Equal("options.choices", (await noChoices.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal($"An audience can have at most {sandbox.Options.MaxMergeFields} merge fields.", await DetailAsync(tooMany));
        Assert.Equal(sandbox.Options.MaxMergeFields, (await GetAsync($"lists/{Audience}/merge-fields"))["total_items"]!.GetValue<int>());
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["detail"]!.GetValue<string>();
    }
}
