using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tandem.Connectors.Testing.Specs;
using Tandem.Sandbox;
using Tandem.Sandbox.Mailchimp;

namespace Tandem.Sandbox.Tests.Mailchimp;

/// <summary>The Mailchimp sandbox over HTTP: auth, OAuth, pagination and filters, upserts, batches, archive, merge fields, tags, limits, faults.</summary>
public sealed partial class MailchimpSandboxTests : IAsyncLifetime
{
    private const string Audience = MailchimpSandbox.NewsletterAudienceId;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly MailchimpSandbox sandbox;
    private readonly OpenApiValidator validator = MailchimpOpenApi.CreateValidator();
    private SandboxHost? host;
    private HttpClient? http;

    public MailchimpSandboxTests()
    {
        sandbox = new MailchimpSandbox(new MailchimpSandboxOptions { SeedMembers = 120 }, clock);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        host = await SandboxHost.StartAsync(sandbox, port: 0, validator.Observe, Ct);
        http = new HttpClient { BaseAddress = new Uri(host.BaseUri, "3.0/") };
        http.DefaultRequestHeaders.Authorization = Basic(sandbox.Options.ApiKey);
    }

    public async ValueTask DisposeAsync()
    {
        http?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        sandbox.Dispose();
        validator.AssertNoViolations();
    }

    [Fact]
    public async Task A_wrong_key_gets_401_with_Mailchimps_problem_document()
    {
        using var wrong = new HttpClient { BaseAddress = http!.BaseAddress };
        wrong.DefaultRequestHeaders.Authorization = Basic("00000000000000000000000000000000-us21");
        using var response = await wrong.GetAsync(new Uri("lists", UriKind.Relative), Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("API Key Invalid", problem!["title"]!.GetValue<string>());
        Assert.Equal(401, problem["status"]!.GetValue<int>());
        Assert.NotNull(problem["type"]);
        Assert.NotNull(problem["detail"]);
        Assert.NotNull(problem["instance"]);
        Assert.Equal("us21", sandbox.Options.DataCenter);
    }

    [Fact]
    public async Task The_OAuth_flow_gives_a_token_whose_metadata_names_the_data_centre()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host!.BaseUri };
        using var consent = await browser.GetAsync(new Uri($"oauth2/authorize?response_type=code&client_id={sandbox.Options.OAuthClientId}&redirect_uri=http%3A%2F%2F127.0.0.1%2Faccounts%2Foauth%2Fcallback&state=s1", UriKind.Relative), Ct);
        var redirect = consent.Headers.Location!;
        var code = redirect.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("code=", StringComparison.Ordinal))["code=".Length..];
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = sandbox.Options.OAuthClientId,
            ["client_secret"] = sandbox.Options.OAuthClientSecret,
            ["redirect_uri"] = "http://127.0.0.1/accounts/oauth/callback",
            ["code"] = Uri.UnescapeDataString(code),
        });
        using var tokenResponse = await browser.PostAsync(new Uri("oauth2/token", UriKind.Relative), form, Ct);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>(Ct))!["access_token"]!.GetValue<string>();
        using var metadataRequest = new HttpRequestMessage(HttpMethod.Get, new Uri("oauth2/metadata", UriKind.Relative));
        metadataRequest.Headers.Authorization = new AuthenticationHeaderValue("OAuth", token);
        using var metadata = await browser.SendAsync(metadataRequest, Ct);
        var meta = await metadata.Content.ReadFromJsonAsync<JsonObject>(Ct);
        using var lists = new HttpRequestMessage(HttpMethod.Get, new Uri(meta!["api_endpoint"]!.GetValue<string>() + "/3.0/lists"));
        lists.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var listed = await browser.SendAsync(lists, Ct);

        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        Assert.Contains("state=s1", redirect.Query, StringComparison.Ordinal);
        Assert.Equal("us21", meta["dc"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task Count_and_offset_page_through_every_member_once_and_archived_ones_only_by_status()
    {
        var seen = new List<string>();
        int total;
        do
        {
            var page = await GetAsync($"lists/{Audience}/members?count=25&offset={seen.Count}");
            total = page["total_items"]!.GetValue<int>();
            seen.AddRange(page["members"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
        }
        while (seen.Count < total);
        var archived = await GetAsync($"lists/{Audience}/members?status=archived&count=1000");
        using var tooMany = await http!.GetAsync(new Uri($"lists/{Audience}/members?count=1001", UriKind.Relative), Ct);

        Assert.Equal(sandbox.MemberCount(Audience), total);
        Assert.Equal(total, seen.Distinct().Count());
        Assert.Equal(sandbox.MemberCount(Audience, "archived"), archived["total_items"]!.GetValue<int>());
        Assert.All(archived["members"]!.AsArray(), m => Assert.DoesNotContain(m!["id"]!.GetValue<string>(), seen));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task Since_last_changed_status_and_fields_narrow_the_listing()
    {
        var emails = sandbox.MemberEmails(Audience);
        var before = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(1));
        sandbox.EditMember(Audience, emails[3], new JsonObject { ["merge_fields"] = new JsonObject { ["NOTES"] = "changed" } });
        var since = Uri.EscapeDataString(before.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture));

        var changed = await GetAsync($"lists/{Audience}/members?since_last_changed={since}&fields=members.email_address,members.merge_fields.NOTES,total_items");
        var unsubscribed = await GetAsync($"lists/{Audience}/members?status=unsubscribed&count=1000");

        var member = Assert.Single(changed["members"]!.AsArray())!.AsObject();
        Assert.Equal(emails[3], member["email_address"]!.GetValue<string>());
        Assert.Equal(["email_address", "merge_fields"], member.Select(p => p.Key));
        Assert.Equal("changed", member["merge_fields"]!["NOTES"]!.GetValue<string>());
        Assert.Equal(sandbox.MemberCount(Audience, "unsubscribed"), unsubscribed["members"]!.AsArray().Count);
        Assert.All(unsubscribed["members"]!.AsArray(), m => Assert.Equal("unsubscribed", m!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Put_upserts_by_subscriber_hash_and_never_resubscribes_an_unsubscribed_member()
    {
        const string Email = "New.Person@Example.com";
        var hash = MailchimpSandbox.SubscriberHash(Email);
        var created = await SendAsync(HttpMethod.Put, $"lists/{Audience}/members/{hash}", new JsonObject { ["email_address"] = Email, ["status_if_new"] = "subscribed", ["merge_fields"] = new JsonObject { ["FNAME"] = "New" } });
        var updated = await SendAsync(HttpMethod.Put, $"lists/{Audience}/members/{hash}", new JsonObject { ["email_address"] = Email, ["status_if_new"] = "subscribed", ["status"] = "unsubscribed" });
        using var refused = await RawAsync(HttpMethod.Put, $"lists/{Audience}/members/{hash}", new JsonObject { ["email_address"] = Email, ["status_if_new"] = "subscribed", ["status"] = "subscribed", ["merge_fields"] = new JsonObject { ["FNAME"] = "Changed" } });
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(hash, created["id"]!.GetValue<string>());
        Assert.Equal("d44d0092dc4cc1eff4b5a0b7e85403cf", hash); // MD5 of the lower-cased address
        Assert.Equal("subscribed", created["status"]!.GetValue<string>());
        Assert.Equal("unsubscribed", updated["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Member In Compliance State", problem!["title"]!.GetValue<string>());
        Assert.Equal("New", sandbox.Member(Audience, Email)!["merge_fields"]!["FNAME"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_creates_updates_and_refuses_each_member_on_its_own()
    {
        var existing = sandbox.MemberEmails(Audience)[0];
        var members = new JsonArray(
            new JsonObject { ["email_address"] = "batch.one@example.com", ["status"] = "subscribed", ["merge_fields"] = new JsonObject { ["BIRTHDAY"] = "02/29" } },
            new JsonObject { ["email_address"] = existing, ["merge_fields"] = new JsonObject { ["TITLE"] = "Updated" } },
            new JsonObject { ["email_address"] = "batch.bad@example.com", ["status"] = "subscribed", ["merge_fields"] = new JsonObject { ["PHONE"] = "call me" } });

        var result = await SendAsync(HttpMethod.Post, $"lists/{Audience}", new JsonObject { ["members"] = members, ["update_existing"] = true });
        var strict = await SendAsync(HttpMethod.Post, $"lists/{Audience}", new JsonObject { ["members"] = new JsonArray(new JsonObject { ["email_address"] = existing, ["status"] = "subscribed" }) });
        using var tooBig = await RawAsync(HttpMethod.Post, $"lists/{Audience}", new JsonObject { ["members"] = new JsonArray(Enumerable.Range(0, 501).Select(i => (JsonNode)new JsonObject { ["email_address"] = $"m{i}@example.com", ["status"] = "subscribed" }).ToArray()) });

        Assert.Equal(1, result["total_created"]!.GetValue<int>());
        Assert.Equal(1, result["total_updated"]!.GetValue<int>());
        Assert.Equal(1, result["error_count"]!.GetValue<int>());
        var error = result["errors"]![0]!;
        Assert.Equal("batch.bad@example.com", error["email_address"]!.GetValue<string>());
        Assert.Equal("merge_fields.PHONE", error["field"]!.GetValue<string>());
        Assert.Equal("Updated", sandbox.Member(Audience, existing)!["merge_fields"]!["TITLE"]!.GetValue<string>());
        Assert.Null(sandbox.Member(Audience, "batch.bad@example.com"));
        Assert.Equal("ERROR_CONTACT_EXISTS", strict["errors"]![0]!["error_code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }

    [Fact]
    public async Task Delete_archives_a_restorable_member_and_delete_permanent_forgets_the_address()
    {
        var emails = sandbox.MemberEmails(Audience);
        using var archive = await RawAsync(HttpMethod.Delete, $"lists/{Audience}/members/{MailchimpSandbox.SubscriberHash(emails[0])}", null);
        var archived = await GetAsync($"lists/{Audience}/members/{MailchimpSandbox.SubscriberHash(emails[0])}");
        var restored = await SendAsync(HttpMethod.Put, $"lists/{Audience}/members/{MailchimpSandbox.SubscriberHash(emails[0])}", new JsonObject { ["email_address"] = emails[0], ["status_if_new"] = "subscribed" });
        using var erase = await RawAsync(HttpMethod.Post, $"lists/{Audience}/members/{MailchimpSandbox.SubscriberHash(emails[1])}/actions/delete-permanent", null);
        using var gone = await http!.GetAsync(new Uri($"lists/{Audience}/members/{MailchimpSandbox.SubscriberHash(emails[1])}", UriKind.Relative), Ct);
        using var readd = await RawAsync(HttpMethod.Post, $"lists/{Audience}/members", new JsonObject { ["email_address"] = emails[1], ["status"] = "subscribed" });

        Assert.Equal(HttpStatusCode.NoContent, archive.StatusCode);
        Assert.Equal("archived", archived["status"]!.GetValue<string>());
        Assert.Equal("subscribed", restored["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("Forgotten Email Not Subscribed", (await readd.Content.ReadFromJsonAsync<JsonObject>(Ct))!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Merge_fields_have_every_type_new_ones_are_added_and_values_are_checked_by_type()
    {
        var fields = await GetAsync($"lists/{Audience}/merge-fields?count=100");
        var added = await SendAsync(HttpMethod.Post, $"lists/{Audience}/merge-fields", new JsonObject { ["name"] = "Shoe size", ["type"] = "number", ["tag"] = "shoesize" });
        var email = sandbox.MemberEmails(Audience)[2];
        var hash = MailchimpSandbox.SubscriberHash(email);
        var patched = await SendAsync(HttpMethod.Patch, $"lists/{Audience}/members/{hash}", new JsonObject { ["merge_fields"] = new JsonObject { ["SHOESIZE"] = "43", ["RENEWAL"] = "2027-03-01" } });
        using var refused = await RawAsync(HttpMethod.Patch, $"lists/{Audience}/members/{hash}", new JsonObject { ["merge_fields"] = new JsonObject { ["SHOESIZE"] = "big", ["FNAME"] = "Ignored" } });

        var types = fields["merge_fields"]!.AsArray().Select(f => f!["type"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(["address", "birthday", "date", "dropdown", "imageurl", "number", "phone", "radio", "text", "url", "zip"], types.Order());
        Assert.Equal("SHOESIZE", added["tag"]!.GetValue<string>());
        Assert.Equal(43, patched["merge_fields"]!["SHOESIZE"]!.GetValue<decimal>());
        Assert.Equal("2027-03-01", patched["merge_fields"]!["RENEWAL"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotEqual("Ignored", sandbox.Member(Audience, email)!["merge_fields"]!["FNAME"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tags_are_added_and_removed_and_move_last_changed()
    {
        var email = sandbox.MemberEmails(Audience)[4];
        var hash = MailchimpSandbox.SubscriberHash(email);
        var before = sandbox.Member(Audience, email)!["last_changed"]!.GetValue<string>();
        clock.Advance(TimeSpan.FromSeconds(5));

        using var add = await RawAsync(HttpMethod.Post, $"lists/{Audience}/members/{hash}/tags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["name"] = "Sandbox", ["status"] = "active" }) });
        var tagged = await GetAsync($"lists/{Audience}/members/{hash}/tags");
        using var remove = await RawAsync(HttpMethod.Post, $"lists/{Audience}/members/{hash}/tags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["name"] = "Sandbox", ["status"] = "inactive" }) });
        var member = await GetAsync($"lists/{Audience}/members/{hash}");

        Assert.Equal(HttpStatusCode.NoContent, add.StatusCode);
        Assert.Contains("Sandbox", tagged["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.DoesNotContain("Sandbox", member["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.NotEqual(before, member["last_changed"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_eleventh_simultaneous_request_gets_429_Too_Many_Requests()
    {
        sandbox.Faults.SlowDelay = TimeSpan.FromSeconds(30);
        sandbox.Faults.SlowResponses(10);
        var held = Enumerable.Range(0, 10).Select(_ => http!.GetAsync(new Uri("lists", UriKind.Relative), Ct)).ToList();
        Assert.True(SpinWait.SpinUntil(() => sandbox.RequestsInProgress == 10 && sandbox.RequestsHeld == 10, TimeSpan.FromSeconds(20)), "ten requests should be held");

        using var eleventh = await http!.GetAsync(new Uri("lists", UriKind.Relative), Ct);
        clock.Advance(TimeSpan.FromSeconds(30));
        var answers = await Task.WhenAll(held);

        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.Equal("Too Many Requests", (await eleventh.Content.ReadFromJsonAsync<JsonObject>(Ct))!["title"]!.GetValue<string>());
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        answers.ToList().ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task Faults_refuse_fail_lose_and_drop_as_switched()
    {
        var email = "fault.lost@example.com";
        sandbox.Faults.RateLimitStorm(1);
        using var limited = await http!.GetAsync(new Uri("lists", UriKind.Relative), Ct);
        sandbox.Faults.ServerErrors(1);
        using var failed = await http.GetAsync(new Uri("lists", UriKind.Relative), Ct);
        sandbox.Faults.LoseResponses(1);
        await Assert.ThrowsAsync<HttpRequestException>(() => RawAsync(HttpMethod.Post, $"lists/{Audience}/members", new JsonObject { ["email_address"] = email, ["status"] = "subscribed" }));
        sandbox.Faults.DropConnections(1);
        await Assert.ThrowsAsync<HttpRequestException>(() => RawAsync(HttpMethod.Post, $"lists/{Audience}/members", new JsonObject { ["email_address"] = "fault.dropped@example.com", ["status"] = "subscribed" }));
        using var admin = new HttpClient { BaseAddress = host!.BaseUri };
        using var switched = await admin.PostAsync(new Uri("_sandbox/faults", UriKind.Relative), new StringContent("{\"serverErrors\":1,\"serverErrorStatus\":500}", Encoding.UTF8, "application/json"), Ct);
        using var failedAgain = await http.GetAsync(new Uri("lists", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.NotNull(sandbox.Member(Audience, email));
        Assert.Null(sandbox.Member(Audience, "fault.dropped@example.com"));
        Assert.Equal(HttpStatusCode.NoContent, switched.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failedAgain.StatusCode);
    }

    private static AuthenticationHeaderValue Basic(string key) => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("anystring:" + key)));

    private async Task<JsonObject> GetAsync(string path)
    {
        using var response = await http!.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject body)
    {
        using var response = await RawAsync(method, path, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    private async Task<HttpResponseMessage> RawAsync(HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        return await http!.SendAsync(request, Ct);
    }
}
