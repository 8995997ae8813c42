using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tandem.Web.BrowserTests.Harness;

namespace Tandem.Web.BrowserTests.Flow;

/// <summary>
/// A newcomer's first connection, through the pages in a real browser: sign up, authorise the Pipedrive and
/// Google Contacts sandboxes, build a connection in the wizard, watch it sync, and see an edit arrive.
/// </summary>
public sealed partial class FirstConnectionTests
{
    private static readonly TimeSpan Patience = TandemPages.Patience;
    private const string GoogleSegment = "userDefined.Segment";
    private const string PipedriveCustomPrefix = "custom.";

    [Fact]
    public async Task A_new_user_connects_two_sandbox_apps_through_the_wizard_and_watches_them_sync()
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await BrowserServer.StartAsync(cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("first-connection");
        using var apis = new SandboxApis(server.SandboxOf("pipedrive"), server.SandboxOf("google-contacts"));

        var page = await TandemPages.SignUpAsync(browser, server.BaseAddress);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "pipedrive", shots);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "google-contacts", shots);

        var segment = await apis.PipedriveFieldAsync("Segment", cancel);
        var connectionUrl = await BuildConnectionAsync(page, server.BaseAddress, PipedriveCustomPrefix + segment.Key, shots);

        // The first scan: the connection page shows its state and progress, then settles on Active with counts.
        await Assertions.Expect(page.Locator("[data-state]").First).ToBeVisibleAsync();
        await shots.TakeAsync(page, "connection-first-scan");
        await Assertions.Expect(page.Locator("[data-state='Active']").First).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(page.Locator("[data-test='in-sync']")).Not.ToHaveTextAsync("0 in sync", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(page.Locator("[data-test='activity-log'] li[data-kind='created']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test='activity-chart'] rect.bar-changes").First).ToBeAttachedAsync();
        await shots.TakeAsync(page, "connection-active");

        // Through the sandboxes' own APIs: every Pipedrive person with an email is now in Google Contacts, or waits
        // under Possible matches when a Google contact has the same name and phone or company.
        var persons = await apis.PipedrivePersonsAsync(cancel);
        var googleEmails = await apis.GoogleEmailsAsync(cancel);
        var pipedriveEmails = persons.SelectMany(SandboxApis.EmailsOf).ToList();
        Assert.NotEmpty(pipedriveEmails);
        var waiting = pipedriveEmails.Where(email => !googleEmails.Contains(email)).ToList();
        Assert.True(waiting.Count < pipedriveEmails.Count / 10, $"{waiting.Count} of {pipedriveEmails.Count} persons did not arrive");
        await TandemPages.ExpectWaitingForReviewAsync(page, waiting);

        // The custom mapping: each person's Segment arrives as the label of its option in the Google contact's "Segment".
        var segments = await apis.GoogleUserDefinedAsync("Segment", cancel);
        var withSegment = persons.Where(p => SandboxApis.EmailsOf(p).Any() && !waiting.Contains(SandboxApis.EmailsOf(p).First()) && p["custom_fields"]?[segment.Key] is JsonValue).ToList();
        Assert.NotEmpty(withSegment);
        Assert.All(withSegment, p => Assert.Equal(segment.Options[p["custom_fields"]![segment.Key]!.GetValue<int>()], segments[SandboxApis.EmailsOf(p).First()]));

        // A Pipedrive user renames a person; the change reaches Google and shows in the activity log.
        var renamed = persons.First(p => SandboxApis.EmailsOf(p).Any() && !waiting.Contains(SandboxApis.EmailsOf(p).First()));
        await apis.RenamePipedrivePersonAsync(renamed["id"]!.GetValue<int>(), "Ottilie Browsertest", cancel);
        var update = page.Locator("[data-test='activity-log'] li[data-kind='updated']", new() { HasTextRegex = BrowsertestPattern() });
        await Assertions.Expect(update.First).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(update.First).ToContainTextAsync("Google Contacts");

        await page.GotoAsync(server.BaseAddress.ToString());
        await TandemPages.WaitLiveAsync(page);
        await Assertions.Expect(page.Locator($"[data-connection] [data-state='Active']")).ToHaveCountAsync(1);
        await shots.TakeAsync(page, "dashboard");

        // Another user cannot reach this connection by its address, nor its edit page.
        var stranger = await TandemPages.SignUpAsync(browser, server.BaseAddress);
        await stranger.GotoAsync(connectionUrl);
        await TandemPages.WaitLiveAsync(stranger);
        await Assertions.Expect(stranger.GetByRole(AriaRole.Alert)).ToContainTextAsync("No connection");
        await Assertions.Expect(stranger.Locator("[data-test='health-counts']")).ToHaveCountAsync(0);
        await Assertions.Expect(stranger.Locator("[data-test='activity-log']")).ToHaveCountAsync(0);
        await stranger.GotoAsync(connectionUrl + "/edit");
        await TandemPages.WaitLiveAsync(stranger);
        await Assertions.Expect(stranger.GetByRole(AriaRole.Alert)).ToContainTextAsync("No connection");
        await shots.TakeAsync(stranger, "stranger-refused");
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshots are in {shots.Folder}");
    }

    private static async Task<string> BuildConnectionAsync(IPage page, Uri baseAddress, string segmentKey, Screenshots shots)
    {
        await page.GotoAsync(new Uri(baseAddress, "connections/new").ToString());
        await TandemPages.WaitLiveAsync(page);

        await page.GetByLabel("Search the apps").FillAsync("pi");
        await Assertions.Expect(page.Locator("[data-test='app-A-google-contacts']")).ToHaveCountAsync(0);
        await page.Locator("[data-test='app-A-pipedrive']").CheckAsync();
        await page.GetByLabel("Search the apps").FillAsync("");
        await page.Locator("[data-test='app-B-google-contacts']").CheckAsync();
        await TandemPages.NextStepAsync(page, shots, "Apps");

        await page.Locator("[data-test^='account-A-']").First.CheckAsync();
        await page.Locator("[data-test^='account-B-']").First.CheckAsync();
        await TandemPages.NextStepAsync(page, shots, "Accounts");

        await Assertions.Expect(page.Locator("[data-test='direction-TwoWay']")).ToBeCheckedAsync();
        await TandemPages.NextStepAsync(page, shots, "Direction");

        // A rule on the Pipedrive side: everything, and add the contact group "From Pipedrive" in Google.
        var rules = page.Locator("[data-test='rules-A']");
        await rules.Locator("[data-test='add-action']").ClickAsync();
        await rules.Locator("[data-test='action-value']").FillAsync("From Pipedrive");
        await TandemPages.NextStepAsync(page, shots, "Rules");

        await page.Locator("[data-test='winner-A']").CheckAsync();
        await TandemPages.NextStepAsync(page, shots, "Winner");

        await Assertions.Expect(page.Locator("[data-test='mapping-row']").First).ToBeVisibleAsync();
        await AddCustomMappingAsync(page, segmentKey);
        await TandemPages.NextStepAsync(page, shots, "Mappings");

        await page.Locator("[data-test='option-sync-deletions']").CheckAsync();
        await Assertions.Expect(page.Locator("[data-test='option-avoid-duplicates']")).ToBeCheckedAsync();
        await TandemPages.NextStepAsync(page, shots, "Options");

        await page.Locator("[data-test='connection-name']").FillAsync("Sales to phones");
        await page.Locator("[data-test='dry-run-creates'], [role='alert']").First.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.Empty(string.Join(" ", await page.GetByRole(AriaRole.Alert).AllInnerTextsAsync()));
        await Assertions.Expect(page.Locator("[data-test='dry-run-creates']")).ToContainTextAsync("to create in Google Contacts", new() { Timeout = (float)Patience.TotalMilliseconds });
        await shots.TakeAsync(page, "wizard-review");
        await page.Locator("[data-test='start-syncing']").ClickAsync();
        await page.WaitForURLAsync(ConnectionPagePattern());
        await TandemPages.WaitLiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sales to phones" })).ToBeVisibleAsync();
        return page.Url;
    }

    // Pipedrive's custom single-choice field "Segment" into the Google userDefined field "Segment": a choice maps to
    // text one way only, so the form offers Pipedrive → Google.
    private static async Task AddCustomMappingAsync(IPage page, string segmentKey)
    {
        var rowsBefore = await page.Locator("[data-test='mapping-row']").CountAsync();
        await page.Locator("[data-test='custom-a']").SelectOptionAsync(segmentKey);
        await page.Locator("[data-test='custom-b']").SelectOptionAsync(GoogleSegment);
        await page.Locator("[data-test='add-mapping']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test='mapping-row']")).ToHaveCountAsync(rowsBefore + 1);
        var row = page.Locator($"[data-test='mapping-row'][data-a='{segmentKey}'][data-b='{GoogleSegment}']");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Segment");
    }

    [GeneratedRegex("Browsertest")]
    private static partial Regex BrowsertestPattern();

    [GeneratedRegex(@"/connections/[0-9a-f]{32}$")]
    private static partial Regex ConnectionPagePattern();
}
