using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tandem.Web.BrowserTests.Harness;

namespace Tandem.Web.BrowserTests.Flow;

/// <summary>
/// The "Possible matches" review queue in a real browser: a Pipedrive person and a Google contact with the same name
/// and phone number but different emails are shown side by side on the connection page; the user links one pair and
/// keeps another apart, and the next sync respects both (what arrived is read back through the sandboxes' own APIs).
/// </summary>
public sealed partial class PossibleMatchesTests
{
    private static readonly TimeSpan Patience = TandemPages.Patience;

    [Fact]
    public async Task A_user_links_one_possible_match_keeps_another_apart_and_the_next_sync_respects_both()
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await BrowserServer.StartAsync(cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("possible-matches");
        using var apis = new SandboxApis(server.SandboxOf("pipedrive"), server.SandboxOf("google-contacts"));
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (linkName, apartName) = ("Linkmann" + tag, "Apartsen" + tag);
        await apis.CreatePipedrivePersonAsync(Person("Ida", linkName, $"ida.work-{tag}@example.com", "+32 470 55 01 01"), cancel);
        await apis.CreateGoogleContactAsync(Contact("Ida", linkName, $"ida.home-{tag}@example.com", "+32470550101"), cancel);
        await apis.CreatePipedrivePersonAsync(Person("Kit", apartName, $"kit.work-{tag}@example.com", "+32 470 55 02 02"), cancel);
        await apis.CreateGoogleContactAsync(Contact("Kit", apartName, $"kit.home-{tag}@example.com", "+32 470 55 02 02"), cancel);

        var page = await TandemPages.SignUpAsync(browser, server.BaseAddress);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "pipedrive", shots);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "google-contacts", shots);
        await StartTwoWayConnectionAsync(page, server.BaseAddress, shots);

        // Both pairs wait side by side; neither contact was created in the other app.
        var link = Pair(page, linkName);
        var apart = Pair(page, apartName);
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(apart).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        var cards = link.Locator("[data-test='contact-card']");
        await Assertions.Expect(cards.Nth(0)).ToContainTextAsync("In Pipedrive");
        await Assertions.Expect(cards.Nth(0).Locator("[data-test='card-name']")).ToHaveTextAsync($"Ida {linkName}");
        await Assertions.Expect(cards.Nth(0).Locator("[data-test='card-emails']")).ToHaveTextAsync($"ida.work-{tag}@example.com");
        await Assertions.Expect(cards.Nth(1)).ToContainTextAsync("In Google Contacts");
        await Assertions.Expect(cards.Nth(1).Locator("[data-test='card-emails']")).ToHaveTextAsync($"ida.home-{tag}@example.com");
        await Assertions.Expect(link).ToContainTextAsync("the same name and the same phone number");
        await shots.TakeAsync(page, "possible-matches");
        Assert.DoesNotContain($"ida.work-{tag}@example.com", await apis.GoogleEmailsAsync(cancel));

        await link.Locator("[data-test='link-match']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test='possible-match-decided']")).ToContainTextAsync($"Ida {linkName} and Ida {linkName} will be linked by the next sync.");
        await apart.Locator("[data-test='keep-apart']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test='possible-match-decided']")).ToContainTextAsync("are kept apart");
        await Assertions.Expect(link).ToHaveCountAsync(0);
        await Assertions.Expect(apart).ToHaveCountAsync(0);

        // The next sync: the pair kept apart is created on both sides; the linked pair is not created anywhere.
        var created = page.Locator("[data-test='activity-log'] li[data-kind='created']");
        await Assertions.Expect(created.Filter(new() { HasText = apartName })).ToHaveCountAsync(2, new() { Timeout = (float)Patience.TotalMilliseconds });
        await shots.TakeAsync(page, "after-decisions");
        await Assertions.Expect(created.Filter(new() { HasText = linkName })).ToHaveCountAsync(0);
        var persons = await apis.PipedrivePersonsAsync(cancel);
        var people = await apis.GooglePeopleAsync("names,emailAddresses", cancel);
        Assert.Single(persons, p => p["name"]!.GetValue<string>().Contains(linkName, StringComparison.Ordinal));
        Assert.Single(people, p => FamilyNameOf(p) == linkName);
        Assert.Equal(2, persons.Count(p => p["name"]!.GetValue<string>().Contains(apartName, StringComparison.Ordinal)));
        Assert.Equal(2, people.Count(p => FamilyNameOf(p) == apartName));

        // Linked, the pair syncs as one: a job title given in Pipedrive reaches the one Google contact.
        var ida = persons.Single(p => p["name"]!.GetValue<string>().Contains(linkName, StringComparison.Ordinal));
        await apis.UpdatePipedrivePersonAsync(ida["id"]!.GetValue<int>(), new JsonObject { ["job_title"] = "Buyer " + tag }, cancel);
        await Eventually.AnswerAsync(
            c => apis.GooglePeopleAsync("names,organizations", c),
            all => all.Where(p => FamilyNameOf(p) == linkName).Select(SandboxApis.JobTitleOf).SequenceEqual(["Buyer " + tag]),
            Patience,
            "the linked Google contact gets the job title given in Pipedrive",
            cancel);

        // Nothing is proposed again.
        await page.ReloadAsync();
        await TandemPages.WaitLiveAsync(page);
        await Assertions.Expect(page.Locator("[data-test='in-sync']")).ToBeVisibleAsync();
        await Assertions.Expect(Pair(page, linkName)).ToHaveCountAsync(0);
        await Assertions.Expect(Pair(page, apartName)).ToHaveCountAsync(0);
    }

    private static ILocator Pair(IPage page, string familyName) => page.Locator("[data-test='possible-match']").Filter(new() { HasText = familyName });

    private static string? FamilyNameOf(JsonObject person) => person["names"]?.AsArray().FirstOrDefault()?["familyName"]?.GetValue<string>();

    private static JsonObject Person(string given, string family, string email, string phone) => new()
    {
        ["name"] = given + " " + family,
        ["first_name"] = given,
        ["last_name"] = family,
        ["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["primary"] = true, ["label"] = "work" }),
        ["phones"] = new JsonArray(new JsonObject { ["value"] = phone, ["primary"] = true, ["label"] = "mobile" }),
    };

    private static JsonObject Contact(string given, string family, string email, string phone) => new()
    {
        ["names"] = new JsonArray(new JsonObject { ["givenName"] = given, ["familyName"] = family }),
        ["emailAddresses"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "home" }),
        ["phoneNumbers"] = new JsonArray(new JsonObject { ["value"] = phone, ["type"] = "mobile" }),
    };

    // Two-way (the default), every default, through the wizard; lands on the live connection page.
    private static async Task StartTwoWayConnectionAsync(IPage page, Uri baseAddress, Screenshots shots)
    {
        await TandemPages.PickAppsAndAccountsAsync(page, baseAddress, "pipedrive", "google-contacts", shots);
        await Assertions.Expect(page.Locator("[data-test='direction-TwoWay']")).ToBeCheckedAsync();
        await TandemPages.NextStepAsync(page, shots, "Direction");
        await TandemPages.NextStepAsync(page, shots, "Rules");
        await TandemPages.NextStepAsync(page, shots, "Winner");
        await TandemPages.NextStepAsync(page, shots, "Mappings");
        await TandemPages.NextStepAsync(page, shots, "Options");
        await page.Locator("[data-test='connection-name']").FillAsync("Review queue");
        await page.Locator("[data-test='dry-run-creates'], [role='alert']").First.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await page.Locator("[data-test='start-syncing']").ClickAsync();
        await page.WaitForURLAsync(ConnectionPagePattern());
        await TandemPages.WaitLiveAsync(page);
    }

    [GeneratedRegex(@"/connections/[0-9a-f]{32}$")]
    private static partial Regex ConnectionPagePattern();
}
