using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tandem.Web.BrowserTests.Harness;

namespace Tandem.Web.BrowserTests.Access;

/// <summary>
/// Every main page on a phone (375×740): nothing is wider than the screen, and the page's main actions lie on screen
/// and take a click. Tables may scroll inside their own frame; the page itself never scrolls sideways.
/// </summary>
public sealed partial class NarrowScreenTests
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 740 };

    [Fact]
    public async Task Every_main_page_fits_a_phone_screen_and_keeps_its_main_actions_within_reach()
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await BrowserServer.StartAsync(cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("narrow-screen");
        var page = await TandemPages.NewPageAsync(browser, server.BaseAddress, Phone);
        var check = new Walk(page, shots);

        await page.GotoAsync("signin");
        await check.PageAsync("signin", page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
        await page.GotoAsync("signup");
        await check.PageAsync("signup", page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }));
        await TandemPages.SignUpAsync(page, server.BaseAddress, TandemPages.NewEmail());
        await check.PageAsync("dashboard-empty", page.Locator("main a.button.primary"), Nav(page, "Accounts"), Nav(page, "New connection"), page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }));

        // The accounts page with an app's form open, then with both accounts listed.
        await page.GotoAsync("accounts");
        await TandemPages.WaitLiveAsync(page);
        await page.GetByLabel("App", new() { Exact = true }).SelectOptionAsync("pipedrive");
        await check.PageAsync("accounts-form", page.Locator("main a.button.primary, main button.primary").Filter(new() { HasTextRegex = ConnectPattern() }).First);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "pipedrive", shots);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "google-contacts", shots);
        await check.PageAsync("accounts-listed", page.Locator("[data-account] button").Filter(new() { HasText = "Test" }).First, page.GetByLabel("App", new() { Exact = true }));

        // The wizard, step by step.
        await page.GotoAsync("connections/new");
        await TandemPages.WaitLiveAsync(page);
        var next = page.Locator("[data-test='next']");
        await page.Locator("[data-test='app-A-pipedrive']").CheckAsync();
        await page.Locator("[data-test='app-B-google-contacts']").CheckAsync();
        await check.StepAsync("Apps", next, page.GetByLabel("Search the apps"));
        await page.Locator("[data-test^='account-A-']").First.CheckAsync();
        await page.Locator("[data-test^='account-B-']").First.CheckAsync();
        await check.StepAsync("Accounts", next, page.Locator("[data-test='authorise-B']"));
        await check.StepAsync("Direction", next, page.Locator("[data-test='direction-AToB']"));

        // Rules with a condition and an action open: their rows of dropdowns must wrap, not push the page wider.
        var rules = page.Locator("[data-test='rules-A']");
        await rules.Locator("[data-test='add-condition']").ClickAsync();
        await rules.Locator("[data-test='add-action']").ClickAsync();
        await rules.Locator("[data-test='action-value']").FillAsync("From Pipedrive");
        await check.PageAsync("wizard-rules-open", rules.Locator("[data-test='condition-kind']"), rules.Locator("[data-test='action-kind']"), rules.Locator("[data-test='add-rule-A']"));
        await rules.GetByRole(AriaRole.Button, new() { Name = "Remove condition 1" }).ClickAsync();
        await check.StepAsync("Rules", next);
        await check.StepAsync("Winner", next);

        // Two-way rows, and the custom mapping form with a field picked.
        await page.Locator("[data-test='custom-a']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await check.PageAsync("wizard-mappings", next, page.Locator("[data-test='custom-b']"), page.Locator("[data-test='next-example']"));

        // Back to the direction: one way, so the field step shows the variable matching table.
        await page.Locator("[data-test='back']").ClickAsync();
        await page.Locator("[data-test='back']").ClickAsync();
        await page.Locator("[data-test='back']").ClickAsync();
        await page.Locator("[data-test='direction-AToB']").CheckAsync();
        await TandemPages.NextStepAsync(page, shots, "Direction");
        await TandemPages.NextStepAsync(page, shots, "Rules");
        await TandemPages.NextStepAsync(page, shots, "Winner");
        await Assertions.Expect(page.Locator("[data-test='variable-row']").First).ToBeVisibleAsync();
        await check.StepAsync("Mappings", next, page.Locator("[data-test='refresh-fields']"), page.Locator("[data-test='variable-target']").First, page.Locator("[data-test='variable-ignore-empty']").First);
        await check.StepAsync("Options", next, page.Locator("[data-test='back']"));

        await page.Locator("[data-test='connection-name']").FillAsync("Phone-sized feed");
        await Assertions.Expect(page.Locator("[data-test='dry-run-creates']")).ToBeVisibleAsync(new() { Timeout = (float)TandemPages.Patience.TotalMilliseconds });
        await check.PageAsync("wizard-review", page.Locator("[data-test='start-syncing']"), page.Locator("[data-test='connection-name']"));
        await page.Locator("[data-test='start-syncing']").ClickAsync();

        // The connection page while it scans, and once it listens, with its health and activity filled in.
        await page.WaitForURLAsync(ConnectionPagePattern());
        await TandemPages.WaitLiveAsync(page);
        await Assertions.Expect(page.Locator("[data-state]").First).ToBeVisibleAsync();
        await check.PageAsync("connection-first-scan", page.Locator("[data-test='pause'], [data-test='resume']"), page.Locator("[data-test='edit']"), page.Locator("[data-test='delete']"));
        await Assertions.Expect(page.Locator("[data-state='Active']").First).ToBeVisibleAsync(new() { Timeout = (float)TandemPages.Patience.TotalMilliseconds });
        await Assertions.Expect(page.Locator("[data-test='activity-log'] li").First).ToBeVisibleAsync();
        await page.Locator("[data-test='delete']").ClickAsync();
        await check.PageAsync("connection-active", page.Locator("[data-test='pause']"), page.Locator("[data-test='edit']"), page.Locator("[data-test='confirm-delete']"));

        await page.GotoAsync("");
        await TandemPages.WaitLiveAsync(page);
        await Assertions.Expect(page.Locator("[data-connection]")).ToHaveCountAsync(1);
        await check.PageAsync("dashboard", page.Locator("[data-connection] a").First, page.Locator("main a.button.primary"));
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshots are in {shots.Folder}");
    }

    private static ILocator Nav(IPage page, string name) => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name });

    // An OAuth app's consent link, or the pasted-values form's button.
    [GeneratedRegex("^(Authorise with |Connect and test)")]
    private static partial Regex ConnectPattern();

    [GeneratedRegex(@"/connections/[0-9a-f]{32}$")]
    private static partial Regex ConnectionPagePattern();

    /// <summary>One page after another: no sideways scrolling, the actions within reach, a screenshot.</summary>
    private sealed class Walk(IPage page, Screenshots shots)
    {
        public async Task PageAsync(string name, params ILocator[] actions)
        {
            await PageChecks.AssertNoHorizontalOverflowAsync(page, name);
            foreach (var action in actions)
            {
                await PageChecks.AssertReachableAsync(page, action, $"{name}: {action}");
            }

            await shots.TakeAsync(page, name);
        }

        public async Task StepAsync(string step, ILocator next, params ILocator[] actions)
        {
            await Assertions.Expect(page.Locator($"[data-step='{step}']")).ToBeVisibleAsync();
            await PageAsync($"wizard-{step.ToLowerInvariant()}", [next, .. actions]);
            await next.ClickAsync();
            await Assertions.Expect(page.Locator($"[data-step='{step}']")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        }
    }
}
