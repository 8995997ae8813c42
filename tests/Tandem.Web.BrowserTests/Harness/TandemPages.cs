using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Tandem.Web.BrowserTests.Harness;

/// <summary>What every browser test does on Tandem's pages: sign up a fresh user, wait for the live circuit, authorise a sandbox app, step through the wizard.</summary>
public static partial class TandemPages
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>The desktop size the flow tests use.</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1100, Height = 900 };

    /// <summary>A page in a new browser context (no cookies) at the given size, desktop by default.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, Uri baseAddress, ViewportSize? viewport = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(baseAddress);
        var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = viewport ?? Desktop });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new browser context with a new user signed up and signed in, on the dashboard.</summary>
    public static async Task<IPage> SignUpAsync(IBrowser browser, Uri baseAddress, ViewportSize? viewport = null)
    {
        var page = await NewPageAsync(browser, baseAddress, viewport);
        await SignUpAsync(page, baseAddress, NewEmail());
        return page;
    }

    /// <summary>Signs a new user up on the sign-up page; lands on the live dashboard.</summary>
    public static async Task SignUpAsync(IPage page, Uri baseAddress, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(baseAddress);
        // On a loaded 2-core machine (CI runs the other test projects beside this one) a sign-up that went nowhere
        // has been seen on the first test of a run; it is tried once more on a freshly loaded page, and a second
        // failure says where the page stayed and what it showed.
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("signup");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
            try
            {
                await page.WaitForURLAsync(baseAddress.ToString(), new() { Timeout = (float)Patience.TotalMilliseconds / 2 });
                break;
            }
            catch (TimeoutException ex)
            {
                var alerts = await page.GetByRole(AriaRole.Alert).AllInnerTextsAsync();
                if (attempt > 1 || alerts.Count > 0)
                {
                    throw new TimeoutException($"Sign-up did not reach the dashboard: the page stayed on {page.Url} showing “{string.Join(" | ", alerts)}”.", ex);
                }

                TestContext.Current.TestOutputHelper?.WriteLine($"sign-up stayed on {page.Url}; trying once more");
            }
        }

        await WaitLiveAsync(page);
    }

    public const string Password = "correct horse battery";

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.test";

    // Blazor pre-renders; only the live circuit sets data-live="on", after which clicks reach the page.
    public static Task WaitLiveAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator(".live-marker[data-live='on']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Connects the app's sandbox on the accounts page: through its consent page (OAuth apps) or the sandbox's values.</summary>
    public static async Task AuthoriseAsync(IPage page, Uri baseAddress, string app, Screenshots shots)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(shots);
        await page.GotoAsync(new Uri(baseAddress, "accounts").ToString());
        await WaitLiveAsync(page);
        var accounts = page.Locator("[data-account]");
        var before = await accounts.CountAsync();
        await page.GetByLabel("App", new() { Exact = true }).SelectOptionAsync(app);
        var consent = page.Locator("a.button.primary, button.primary").Filter(new() { HasTextRegex = AuthoriseWithPattern() });
        var connect = page.GetByRole(AriaRole.Button, new() { Name = "Connect and test" });

        // The app's form is rendered by the live circuit after the choice: wait for it before deciding which kind it is.
        await Assertions.Expect(consent.Or(connect).First).ToBeVisibleAsync();
        await shots.TakeAsync(page, $"authorise-{app}");
        if (await consent.CountAsync() > 0)
        {
            // An OAuth app: through the (sandbox) provider's consent page and back to the accounts page.
            await consent.First.ClickAsync();
            try
            {
                await page.WaitForURLAsync(AddedPattern());
            }
            catch (TimeoutException)
            {
                Assert.Fail($"The consent flow of {app} did not come back to the accounts page; it is on {page.Url}: {await page.Locator("body").InnerTextAsync()}");
            }

            await WaitLiveAsync(page);
        }
        else
        {
            await Assertions.Expect(page.Locator("[data-test='use-sandbox']")).ToBeCheckedAsync();
            await connect.ClickAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "is connected" })).ToBeVisibleAsync();

        // One authorisation, one account: the consent round trip must not run twice.
        await Assertions.Expect(accounts).ToHaveCountAsync(before + 1);
    }

    /// <summary>Screenshots the wizard step, presses Next and waits until the step is left.</summary>
    public static async Task NextStepAsync(IPage page, Screenshots shots, string step)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(shots);
        await Assertions.Expect(page.Locator($"[data-step='{step}']")).ToBeVisibleAsync();
        await shots.TakeAsync(page, $"wizard-{step.ToLowerInvariant()}");
        await page.Locator("[data-test='next']").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-step='{step}']")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
    }

    /// <summary>
    /// Expects each of these emails under Possible matches on the connection page: a contact with the same name and
    /// phone or company as one in the other app waits for the user instead of being created (the demo sets share some).
    /// </summary>
    public static async Task ExpectWaitingForReviewAsync(IPage page, IEnumerable<string> emails)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(emails);
        foreach (var email in emails)
        {
            var card = page.Locator("[data-test='possible-match'] [data-test='card-emails']").Filter(new() { HasText = email });
            await Assertions.Expect(card.First).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        }
    }

    /// <summary>Picks the two apps and their first accounts in a new connection's wizard, leaving it on the Direction step.</summary>
    public static async Task PickAppsAndAccountsAsync(IPage page, Uri baseAddress, string appA, string appB, Screenshots shots)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(new Uri(baseAddress, "connections/new").ToString());
        await WaitLiveAsync(page);
        await page.Locator($"[data-test='app-A-{appA}']").CheckAsync();
        await page.Locator($"[data-test='app-B-{appB}']").CheckAsync();
        await NextStepAsync(page, shots, "Apps");
        await page.Locator("[data-test^='account-A-']").First.CheckAsync();
        await page.Locator("[data-test^='account-B-']").First.CheckAsync();
        await NextStepAsync(page, shots, "Accounts");
        await Assertions.Expect(page.Locator("[data-step='Direction']")).ToBeVisibleAsync();
    }

    /// <summary>A two-way connection with every default through the wizard, started; lands on its live connection page and returns its address.</summary>
    public static async Task<string> StartTwoWayConnectionAsync(IPage page, Uri baseAddress, string appA, string appB, string name, Screenshots shots)
    {
        ArgumentNullException.ThrowIfNull(page);
        await PickAppsAndAccountsAsync(page, baseAddress, appA, appB, shots);
        await NextStepAsync(page, shots, "Direction");
        await NextStepAsync(page, shots, "Rules");
        await NextStepAsync(page, shots, "Winner");
        await NextStepAsync(page, shots, "Mappings");
        await NextStepAsync(page, shots, "Options");
        await page.Locator("[data-test='connection-name']").FillAsync(name);
        await page.Locator("[data-test='dry-run-creates'], [role='alert']").First.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await page.Locator("[data-test='start-syncing']").ClickAsync();
        await page.WaitForURLAsync(ConnectionPagePattern());
        await WaitLiveAsync(page);
        return page.Url;
    }

    [GeneratedRegex(@"/connections/[0-9a-f]{32}$")]
    private static partial Regex ConnectionPagePattern();

    [GeneratedRegex("^Authorise with ")]
    private static partial Regex AuthoriseWithPattern();

    [GeneratedRegex("/accounts\\?added=")]
    private static partial Regex AddedPattern();
}
