using System.Net;
using System.Text.Json.Nodes;
using Tandem.Web.Tests.Harness;

namespace Tandem.Web.Tests.Flow;

/// <summary>
/// The "Possible matches" review queue over the REST API: a Pipedrive person and a Google contact with the same name
/// and phone number but different emails are listed side by side, not created; one pair linked syncs as one, one
/// kept apart is synced as two people and never proposed again. A class of its own: it owns its sandboxes' contents.
/// </summary>
public sealed class PossibleMatchesTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Likely_duplicates_wait_side_by_side_and_the_next_sync_respects_a_link_and_a_keep_apart()
    {
        using var user = await server.NewUserAsync();
        var writer = new SandboxWriter(server.Server);
        var reader = new SandboxReader(server.Server);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (linkName, apartName) = ("Linkmann" + tag, "Apartsen" + tag);
        await writer.CreatePipedrivePersonAsync("Ida", linkName, $"ida.work-{tag}@example.com", "+32 470 55 01 01");
        await writer.CreateGoogleContactAsync("Ida", linkName, $"ida.home-{tag}@example.com", "+32470550101");
        await writer.CreatePipedrivePersonAsync("Kit", apartName, $"kit.work-{tag}@example.com", "+32 470 55 02 02");
        await writer.CreateGoogleContactAsync("Kit", apartName, $"kit.home-{tag}@example.com", "+32 (470) 55-02-02");
        var a = (await user.PostAsync("api/v1/accounts", new { app = "pipedrive", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var b = (await user.PostAsync("api/v1/accounts", new { app = "google-contacts", useSandbox = true })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        var id = (await user.PostAsync("api/v1/connections", new { name = "CRM and phone", accountA = a, accountB = b })).Expect(HttpStatusCode.Created)["id"]!.GetValue<string>();
        (await user.PostAsync($"api/v1/connections/{id}/start")).Expect(HttpStatusCode.OK);

        var pairs = await Wait.UntilAsync(
            async () => (await user.GetAsync($"api/v1/connections/{id}/possible-matches?limit=200")).Expect(HttpStatusCode.OK).AsArray(),
            list => Mine(list, linkName) is not null && Mine(list, apartName) is not null,
            Deadline,
            "both pairs to be proposed");
        var link = Mine(pairs, linkName)!;
        Assert.Equal("the same name and the same phone number, but no email address in common", link["because"]!.GetValue<string>());
        Assert.Equal($"Ida {linkName}", link["a"]!["name"]!.GetValue<string>());
        Assert.Equal([$"ida.work-{tag}@example.com"], Texts(link["a"]!["emails"]!));
        Assert.Equal([$"ida.home-{tag}@example.com"], Texts(link["b"]!["emails"]!));
        Assert.Equal(["32470550101"], Texts(link["b"]!["phones"]!).Select(Digits));
        var emails = await reader.GoogleEmailsAsync();
        Assert.DoesNotContain($"ida.work-{tag}@example.com", emails);
        Assert.DoesNotContain($"kit.work-{tag}@example.com", emails);

        var apart = Mine(pairs, apartName)!;
        Assert.Equal(HttpStatusCode.NoContent, (await user.PostAsync($"api/v1/connections/{id}/possible-matches/{Id(link)}/link")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await user.PostAsync($"api/v1/connections/{id}/possible-matches/{Id(apart)}/keep-apart")).Status);
        (await user.PostAsync($"api/v1/connections/{id}/possible-matches/{Id(apart)}/link")).Expect(HttpStatusCode.NotFound);
        using (var stranger = await server.NewUserAsync())
        {
            (await stranger.GetAsync($"api/v1/connections/{id}/possible-matches")).Expect(HttpStatusCode.NotFound);
        }

        // The kept-apart pair is synced as two people: each is created in the other app.
        var activity = await Wait.UntilAsync(
            async () => (await user.GetAsync($"api/v1/connections/{id}/activity?limit=500")).Expect(HttpStatusCode.OK).AsArray(),
            lines => Created(lines, apartName) == 2,
            Deadline,
            "the pair kept apart to be created on both sides");
        Assert.Equal(0, Created(activity, linkName));
        Assert.Contains($"kit.work-{tag}@example.com", await reader.GoogleEmailsAsync());
        Assert.Contains($"kit.home-{tag}@example.com", await reader.PipedriveEmailsAsync());

        // The linked pair syncs as one: neither app got a copy, and both keep one contact of that name.
        Assert.DoesNotContain($"ida.home-{tag}@example.com", await reader.PipedriveEmailsAsync());
        Assert.Single(await reader.GoogleEmailsAsync(), e => e.StartsWith("ida.", StringComparison.Ordinal) && e.EndsWith($"-{tag}@example.com", StringComparison.Ordinal));
        var after = (await user.GetAsync($"api/v1/connections/{id}/possible-matches?limit=200")).Expect(HttpStatusCode.OK).AsArray();
        Assert.Null(Mine(after, linkName));
        Assert.Null(Mine(after, apartName));
        (await user.GetAsync($"api/v1/connections/{id}/possible-matches?limit=0")).Expect(HttpStatusCode.BadRequest);
    }

    private static JsonNode? Mine(JsonArray pairs, string familyName) =>
        pairs.FirstOrDefault(p => p!["a"]!["name"]?.GetValue<string>()?.Contains(familyName, StringComparison.Ordinal) == true);

    private static int Created(JsonArray activity, string familyName) =>
        activity.Count(line => line!["kind"]!.GetValue<string>() == "created" && line["message"]!.GetValue<string>().Contains(familyName, StringComparison.Ordinal));

    private static long Id(JsonNode pair) => pair["id"]!.GetValue<long>();

    private static IReadOnlyList<string> Texts(JsonNode list) => [.. list.AsArray().Select(e => e!.GetValue<string>())];

    private static string Digits(string phone) => string.Concat(phone.Where(char.IsAsciiDigit));
}
