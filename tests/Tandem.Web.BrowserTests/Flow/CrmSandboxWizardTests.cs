using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tandem.Web.BrowserTests.Harness;

namespace Tandem.Web.BrowserTests.Flow;

/// <summary>
/// The CRMs the product was described from, each through the wizard in a real browser with Google Contacts (the seeds'
/// example pair): authorise both sandboxes, build a two-way connection with the defaults, start it, and see the app's
/// people arrive in Google.
/// </summary>
public sealed partial class CrmSandboxWizardTests
{
    private static readonly TimeSpan Patience = TandemPages.Patience;

    [Theory]
    [InlineData("workbooks")]
    [InlineData("pipeliner")]
    [InlineData("salesmate")]
    public async Task A_crm_sandbox_connects_to_Google_Contacts_through_the_wizard_and_its_people_arrive(string app)
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await BrowserServer.StartAsync(cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("crm-" + app);
        using var apis = new SandboxApis(server.SandboxOf("pipedrive"), server.SandboxOf("google-contacts"));
        var googleBefore = (await apis.GoogleEmailsAsync(cancel)).Count;

        var page = await TandemPages.SignUpAsync(browser, server.BaseAddress);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, app, shots);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "google-contacts", shots);
        await TandemPages.PickAppsAndAccountsAsync(page, server.BaseAddress, app, "google-contacts", shots);

        await Assertions.Expect(page.Locator("[data-test='direction-TwoWay']")).ToBeCheckedAsync();
        await TandemPages.NextStepAsync(page, shots, "Direction");
        await TandemPages.NextStepAsync(page, shots, "Rules");
        await page.Locator("[data-test='winner-A']").CheckAsync();
        await TandemPages.NextStepAsync(page, shots, "Winner");
        await Assertions.Expect(page.Locator("[data-test='mapping-row']").First).ToBeVisibleAsync();
        await TandemPages.NextStepAsync(page, shots, "Mappings");
        await TandemPages.NextStepAsync(page, shots, "Options");

        await page.Locator("[data-test='connection-name']").FillAsync("CRM to phones");
        await Assertions.Expect(page.Locator("[data-test='dry-run-creates']")).ToContainTextAsync("to create in Google Contacts", new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.Empty(string.Join(" ", await page.GetByRole(AriaRole.Alert).AllInnerTextsAsync()));
        await page.Locator("[data-test='start-syncing']").ClickAsync();
        await page.WaitForURLAsync(ConnectionPagePattern());
        await TandemPages.WaitLiveAsync(page);

        await Assertions.Expect(page.Locator("[data-state='Active']").First).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(page.Locator("[data-test='in-sync']")).Not.ToHaveTextAsync("0 in sync", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(page.Locator("[data-test='activity-log'] li[data-kind='created']").First).ToBeVisibleAsync();
        await shots.TakeAsync(page, "connection-active");

        // Through Google's own API: the CRM's people are there now.
        var googleAfter = (await apis.GoogleEmailsAsync(cancel)).Count;
        Assert.True(googleAfter > googleBefore, $"Google Contacts held {googleBefore} emails before and {googleAfter} after syncing {app}.");
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshots are in {shots.Folder}");
    }

    [Fact]
    public async Task The_Pipeliner_form_offers_the_spaces_sales_units_to_pick_from()
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await BrowserServer.StartAsync(cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("pipeliner-picker");
        var page = await TandemPages.SignUpAsync(browser, server.BaseAddress);
        await page.GotoAsync(new Uri(server.BaseAddress, "accounts").ToString());
        await TandemPages.WaitLiveAsync(page);
        await page.GetByLabel("App", new() { Exact = true }).SelectOptionAsync("pipeliner");
        await Assertions.Expect(page.Locator("[data-test='use-sandbox']")).ToBeCheckedAsync();

        await page.Locator("[data-test='list-salesUnitId']").ClickAsync();
        var picker = page.Locator("[data-test='choice-salesUnitId']");
        await Assertions.Expect(picker.Or(page.Locator(".account-form [role='alert']")).First).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.Empty(string.Join(" ", await page.Locator(".account-form [role='alert']").AllInnerTextsAsync()));
        await Assertions.Expect(picker.Locator("option")).ToHaveTextAsync(["(choose)", "Americas", "EMEA", "Headquarters"]);
        await picker.SelectOptionAsync(new SelectOptionValue { Label = "EMEA" });
        await shots.TakeAsync(page, "sales-unit-picked");
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect and test" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "is connected" })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/connections/[0-9a-f]{32}$")]
    private static partial Regex ConnectionPagePattern();
}
