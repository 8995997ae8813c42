using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tandem.Web.BrowserTests.Harness;

namespace Tandem.Web.BrowserTests.Flow;

/// <summary>
/// Issue 18 item 2: the wizard saves nothing before "Start syncing" (Review's preview included), a draft left in the
/// middle waits on the dashboard with Continue and Discard and comes back as it was left, and the account a
/// connection uses names the connection, not an id, when its removal is refused.
/// </summary>
public sealed partial class DraftTests
{
    private static readonly TimeSpan Patience = TandemPages.Patience;

    [Fact]
    public async Task Visiting_review_saves_nothing_and_a_draft_left_in_the_wizard_continues_from_the_dashboard()
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await BrowserServer.StartAsync(cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("drafts");

        var page = await TandemPages.SignUpAsync(browser, server.BaseAddress);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "pipedrive", shots);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "google-contacts", shots);

        // To Review twice (its preview reads both apps), back once in between.
        await TandemPages.PickAppsAndAccountsAsync(page, server.BaseAddress, "pipedrive", "google-contacts", shots);
        await TandemPages.NextStepAsync(page, shots, "Direction");
        var rules = page.Locator("[data-test='rules-A']");
        await rules.Locator("[data-test='add-action']").ClickAsync();
        await rules.Locator("[data-test='action-value']").FillAsync("Kept in the draft");
        await TandemPages.NextStepAsync(page, shots, "Rules");
        await TandemPages.NextStepAsync(page, shots, "Winner");
        await TandemPages.NextStepAsync(page, shots, "Mappings");
        await TandemPages.NextStepAsync(page, shots, "Options");
        await Assertions.Expect(page.Locator("[data-test='dry-run-creates']")).ToContainTextAsync("to create in Google Contacts", new() { Timeout = (float)Patience.TotalMilliseconds });
        await page.Locator("[data-test='back']").ClickAsync();
        await TandemPages.NextStepAsync(page, shots, "Options");
        await Assertions.Expect(page.Locator("[data-test='dry-run-creates']")).ToContainTextAsync("to create in Google Contacts", new() { Timeout = (float)Patience.TotalMilliseconds });
        await shots.TakeAsync(page, "review");

        // Leaving: no connection exists, the dashboard lists the draft as a draft.
        await page.GotoAsync(server.BaseAddress.ToString());
        await TandemPages.WaitLiveAsync(page);
        var draftCard = page.Locator("[data-test='draft-card']");
        await Assertions.Expect(draftCard).ToBeVisibleAsync();
        await Assertions.Expect(draftCard).ToContainTextAsync("Pipedrive ⇄ Google Contacts");
        await Assertions.Expect(draftCard).ToContainTextAsync("Left at “Review”");
        await Assertions.Expect(page.Locator("[data-connection]")).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "dashboard-draft");

        // The accounts are used by no connection: nothing was saved behind the user's back.
        await page.GotoAsync(new Uri(server.BaseAddress, "accounts").ToString());
        await TandemPages.WaitLiveAsync(page);
        await Assertions.Expect(page.Locator("[data-account]").First).ToContainTextAsync("no connection uses it");
        await Assertions.Expect(page.Locator("[data-account]").Nth(1)).ToContainTextAsync("no connection uses it");

        // Continue: back on Review with the choices as they were; the rule's action is still there.
        await page.GotoAsync(server.BaseAddress.ToString());
        await TandemPages.WaitLiveAsync(page);
        await page.Locator("[data-test='continue-draft']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-step='Review']")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await shots.TakeAsync(page, "continued-review");
        for (var step = 0; step < 4; step++)
        {
            await page.Locator("[data-test='back']").ClickAsync();
        }

        await Assertions.Expect(page.Locator("[data-step='Rules']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test='rules-A'] [data-test='action-value']")).ToHaveValueAsync("Kept in the draft");
        for (var step = 0; step < 4; step++)
        {
            await page.Locator("[data-test='next']").ClickAsync();
        }

        await page.Locator("[data-test='connection-name']").FillAsync("From a draft");
        await page.Locator("[data-test='dry-run-creates'], [role='alert']").First.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await page.Locator("[data-test='start-syncing']").ClickAsync();
        await page.WaitForURLAsync(ConnectionPagePattern());
        await TandemPages.WaitLiveAsync(page);

        // Started: one connection, and the draft is gone.
        await page.GotoAsync(server.BaseAddress.ToString());
        await TandemPages.WaitLiveAsync(page);
        await Assertions.Expect(page.Locator("[data-connection]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-connection]")).ToContainTextAsync("From a draft");
        await Assertions.Expect(page.Locator("[data-test='drafts-read']")).ToBeAttachedAsync();
        await Assertions.Expect(draftCard).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "dashboard-started");

        // The account in use: the refusal names the account and the connection in words.
        await page.GotoAsync(new Uri(server.BaseAddress, "accounts").ToString());
        await TandemPages.WaitLiveAsync(page);
        var pipedrive = page.Locator("[data-account]").First;
        var accountId = await pipedrive.GetAttributeAsync("data-account");
        var accountName = await pipedrive.Locator("strong").InnerTextAsync();
        await pipedrive.GetByRole(AriaRole.Button, new() { Name = "Remove…" }).ClickAsync();
        await pipedrive.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync($"“{accountName}” is used by the connection “From a draft”. Delete it first, then remove the account.");
        Assert.DoesNotContain(accountId!, await alert.InnerTextAsync(), StringComparison.Ordinal);
        await shots.TakeAsync(page, "account-in-use");
    }

    [Fact]
    public async Task A_draft_discarded_on_the_dashboard_is_not_offered_again()
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await BrowserServer.StartAsync(cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("drafts-discard");

        var page = await TandemPages.SignUpAsync(browser, server.BaseAddress);
        await page.GotoAsync(new Uri(server.BaseAddress, "connections/new").ToString());
        await TandemPages.WaitLiveAsync(page);
        await page.Locator("[data-test='app-A-pipedrive']").CheckAsync();
        await page.Locator("[data-test='app-B-mailchimp']").CheckAsync();
        await TandemPages.NextStepAsync(page, shots, "Apps");

        await page.GotoAsync(server.BaseAddress.ToString());
        await TandemPages.WaitLiveAsync(page);
        await Assertions.Expect(page.Locator("[data-test='draft-card']")).ToContainTextAsync("Pipedrive ⇄ Mailchimp");
        await page.Locator("[data-test='discard-draft']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test='draft-card']")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await TandemPages.WaitLiveAsync(page);
        await page.GotoAsync(new Uri(server.BaseAddress, "connections/new").ToString());
        await TandemPages.WaitLiveAsync(page);
        await Assertions.Expect(page.Locator("[data-step='Apps']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test='drafts-read']")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-test='kept-draft']")).ToHaveCountAsync(0);
        await page.GotoAsync(server.BaseAddress.ToString());
        await TandemPages.WaitLiveAsync(page);
        await Assertions.Expect(page.Locator("[data-test='drafts-read']")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-test='draft-card']")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/connections/[0-9a-f]{32}$")]
    private static partial Regex ConnectionPagePattern();
}
