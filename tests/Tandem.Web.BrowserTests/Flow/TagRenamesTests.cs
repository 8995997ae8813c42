using Microsoft.Playwright;
using Tandem.Sandbox.GoogleContacts;
using Tandem.Web.BrowserTests.Harness;

namespace Tandem.Web.BrowserTests.Flow;

/// <summary>
/// Issue 21: the fields step renames tags between the two apps. A Pipedrive label renamed on the "Tags ↔ Tags" row
/// arrives in Google Contacts as a contact group of the new name; Tandem's own tags cannot be renamed.
/// </summary>
public sealed class TagRenamesTests
{
    private static readonly TimeSpan Patience = TandemPages.Patience;

    [Fact]
    public async Task A_label_renamed_on_the_fields_step_reaches_Google_as_a_group_of_the_new_name()
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await BrowserServer.StartAsync(cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("tag-renames");
        var google = (GoogleContactsSandbox)server.SandboxOf("google-contacts").Host.App;

        var page = await TandemPages.SignUpAsync(browser, server.BaseAddress);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "pipedrive", shots);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "google-contacts", shots);
        await TandemPages.PickAppsAndAccountsAsync(page, server.BaseAddress, "pipedrive", "google-contacts", shots);
        await TandemPages.NextStepAsync(page, shots, "Direction");
        await TandemPages.NextStepAsync(page, shots, "Rules");
        await TandemPages.NextStepAsync(page, shots, "Winner");

        // The tags row is off between a CRM and an address book; the user turns it on and renames one label.
        var tagsRow = page.Locator("[data-test='mapping-row'][data-a='$tags'][data-b='$tags']");
        await tagsRow.Locator("input[type='checkbox']").CheckAsync();
        var renames = page.Locator("[data-test='tag-renames']");
        await renames.Locator("summary").ClickAsync();
        await renames.Locator("[data-test='tag-rename-from']").FillAsync("Tandem Trash");
        await renames.Locator("[data-test='tag-rename-to']").FillAsync("Bin");
        await renames.Locator("[data-test='tag-rename-add']").ClickAsync();
        await Assertions.Expect(renames.Locator("[data-test='tag-rename-problem']")).ToHaveTextAsync("\"Tandem Trash\" is Tandem's own tag and is never copied, so it cannot be renamed.");
        await renames.Locator("[data-test='tag-rename-from']").FillAsync("Hot lead");
        await renames.Locator("[data-test='tag-rename-to']").FillAsync("Warm (from Pipedrive)");
        await renames.Locator("[data-test='tag-rename-add']").ClickAsync();
        await Assertions.Expect(renames.Locator("[data-test='tag-rename']")).ToHaveCountAsync(1);
        await Assertions.Expect(renames.Locator("[data-test='tag-rename']")).ToContainTextAsync("Hot lead");
        await Assertions.Expect(renames.Locator("summary")).ToContainTextAsync("(1 renamed)");
        await Assertions.Expect(renames.Locator("[data-test='tag-rename-problem']")).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "tags-renamed");
        await TandemPages.NextStepAsync(page, shots, "Mappings");
        await TandemPages.NextStepAsync(page, shots, "Options");

        await page.Locator("[data-test='connection-name']").FillAsync("Labels to groups");
        await page.Locator("[data-test='dry-run-creates'], [role='alert']").First.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await page.Locator("[data-test='start-syncing']").ClickAsync();
        await TandemPages.WaitLiveAsync(page);

        var groups = await Eventually.AnswerAsync(
            _ => Task.FromResult(google.UserGroups()),
            g => g.Any(x => x.Name == "Warm (from Pipedrive)" && x.Members.Count > 0),
            Patience * 3, // a first sync of both demo accounts
            "Google has a group \"Warm (from Pipedrive)\" holding the persons labelled Hot lead",
            cancel);
        Assert.DoesNotContain(groups, g => g.Name == "Hot lead");
    }
}
