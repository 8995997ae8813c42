using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Tandem.Web.BrowserTests.Harness;

namespace Tandem.Web.BrowserTests.Flow;

/// <summary>
/// Issue 18 item 7: the activity log of a connection with hundreds of lines pages back, filters by kind, finds a
/// contact by name or by email, and shows one contact's history.
/// </summary>
public sealed class ActivityListTests
{
    private static readonly TimeSpan Patience = TandemPages.Patience;

    [Fact]
    public async Task The_activity_log_pages_back_filters_by_kind_and_finds_one_contact_by_name_or_email()
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await BrowserServer.StartAsync(cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("activity-list");
        using var apis = new SandboxApis(server.SandboxOf("pipedrive"), server.SandboxOf("google-contacts"));
        var tag = Guid.NewGuid().ToString("N")[..8];

        var page = await TandemPages.SignUpAsync(browser, server.BaseAddress);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "pipedrive", shots);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "google-contacts", shots);
        await TandemPages.StartTwoWayConnectionAsync(page, server.BaseAddress, "pipedrive", "google-contacts", "Long log", shots);
        await Assertions.Expect(page.Locator("[data-state='Active']").First).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });

        // A Pipedrive user renames one person: an update line about that contact.
        // (One that arrived in Google: a person waiting under Possible matches is not synced yet.)
        var persons = await apis.PipedrivePersonsAsync(cancel);
        var googleEmails = await apis.GoogleEmailsAsync(cancel);
        var person = persons.First(p => SandboxApis.EmailsOf(p).FirstOrDefault() is { } first && googleEmails.Contains(first));
        var email = SandboxApis.EmailsOf(person).First();
        var newName = "Quentin Findme" + tag;
        await apis.RenamePipedrivePersonAsync(person["id"]!.GetValue<int>(), newName, cancel);
        var log = page.Locator("[data-test='activity-log'] > li");
        await Assertions.Expect(log.Filter(new() { HasText = newName }).First).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });

        // Fifty lines, then fifty more.
        await Assertions.Expect(log).ToHaveCountAsync(50);
        await page.Locator("[data-test='activity-more']").ClickAsync();
        await Assertions.Expect(log).ToHaveCountAsync(100);

        // Only the updates.
        await page.Locator("[data-test='activity-kind']").SelectOptionAsync("updated");
        await Assertions.Expect(page.Locator("[data-test='activity-log'] > li:not([data-kind='updated'])")).ToHaveCountAsync(0);
        await Assertions.Expect(log.First).ToHaveAttributeAsync("data-kind", "updated");
        await shots.TakeAsync(page, "only-updates");

        // By name, then by email (the email is in no line's words: it is the contact's own).
        await page.Locator("[data-test='activity-kind']").SelectOptionAsync("");
        await page.Locator("[data-test='activity-search']").FillAsync("findme" + tag);
        await page.Locator("[data-test='activity-apply']").ClickAsync();
        await Assertions.Expect(log).ToHaveCountAsync(1);
        await Assertions.Expect(log.First).ToContainTextAsync(newName);
        await page.Locator("[data-test='activity-search']").FillAsync(email.ToUpperInvariant());
        await page.Locator("[data-test='activity-apply']").ClickAsync();
        await Assertions.Expect(log.Filter(new() { HasText = newName })).ToHaveCountAsync(1);
        var oldName = person["name"]!.GetValue<string>();
        var aboutThem = new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(newName) + "|" + System.Text.RegularExpressions.Regex.Escape(oldName));
        await Assertions.Expect(log.Filter(new() { HasText = $"Created \"{oldName}\"" })).ToHaveCountAsync(1);
        await Assertions.Expect(log.Filter(new() { HasNotTextRegex = aboutThem })).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "found-by-email");

        // One contact's history, then everything again.
        await page.Locator("[data-test='activity-clear']").ClickAsync();
        await Assertions.Expect(log).ToHaveCountAsync(50);
        var renamedLine = log.Filter(new() { HasText = newName });
        var record = await renamedLine.GetAttributeAsync("data-record");
        await renamedLine.Locator("[data-test='contact-history']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test='activity-history']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-test='activity-log'] > li:not([data-record='{record}'])")).ToHaveCountAsync(0);
        await Assertions.Expect(log.Filter(new() { HasText = newName })).ToHaveCountAsync(1);
        await shots.TakeAsync(page, "one-contact");
    }
}
