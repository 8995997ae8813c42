using Microsoft.Playwright;
using Tandem.Web.BrowserTests.Harness;

namespace Tandem.Web.BrowserTests.Access;

/// <summary>
/// Signing in and building a connection up to "Start syncing" with the keyboard alone (Tab, Shift+Tab, Enter, Space and
/// typing): every element the focus lands on shows a focus indicator, and every control of each page has a name.
/// </summary>
public sealed class KeyboardTests
{
    private const int MostTabs = 60;

    [Fact]
    public async Task A_keyboard_user_signs_in_and_goes_through_every_wizard_step_with_focus_always_visible_and_every_control_named()
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await BrowserServer.StartAsync(cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("keyboard");

        // Set-up with the mouse: a user with a Pipedrive and a Google Contacts account, signed out.
        var page = await TandemPages.NewPageAsync(browser, server.BaseAddress);
        var email = TandemPages.NewEmail();
        await TandemPages.SignUpAsync(page, server.BaseAddress, email);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "pipedrive", shots);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "google-contacts", shots);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("signin");
        var keys = new Keyboard(page);

        // Sign in.
        await keys.AssertEveryControlNamedAsync("sign-in");
        await keys.TabToAsync(page.GetByLabel("Email"));
        await page.Keyboard.TypeAsync(email);
        await keys.TabToAsync(page.GetByLabel("Password"));
        await page.Keyboard.TypeAsync(TandemPages.Password);
        await shots.TakeAsync(page, "signin-focused");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(server.BaseAddress.ToString());
        await TandemPages.WaitLiveAsync(page);
        await keys.AssertEveryControlNamedAsync("dashboard");

        // To the wizard through the main menu.
        await keys.TabToAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "New connection" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-step='Apps']")).ToBeVisibleAsync();
        await TandemPages.WaitLiveAsync(page);
        await keys.AssertEveryControlNamedAsync("wizard-apps");

        // Apps: search narrows both lists; Space picks the radio the focus is on.
        var search = page.GetByLabel("Search the apps");
        await keys.TabToAsync(search);
        await page.Keyboard.TypeAsync("pipe");
        await Assertions.Expect(page.Locator("[data-test='app-A-google-contacts']")).ToHaveCountAsync(0);
        await keys.TabToAsync(page.Locator("[data-test='app-A-pipedrive']"));
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("[data-test='app-A-pipedrive']")).ToBeCheckedAsync();
        await keys.TabToAsync(search, backwards: true);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("goog");
        await keys.TabToAsync(page.Locator("[data-test='app-B-google-contacts']"));
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("[data-test='app-B-google-contacts']")).ToBeCheckedAsync();
        await shots.TakeAsync(page, "wizard-apps-keyboard");
        await keys.NextAsync("Apps");

        // Accounts: one radio per side.
        await keys.AssertEveryControlNamedAsync("wizard-accounts");
        await keys.TabToAsync(page.Locator("[data-test^='account-A-']").First);
        await page.Keyboard.PressAsync("Space");
        await keys.TabToAsync(page.Locator("[data-test^='account-B-']").First);
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("[data-test^='account-A-']").First).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("[data-test^='account-B-']").First).ToBeCheckedAsync();
        await shots.TakeAsync(page, "wizard-accounts-keyboard");
        await keys.NextAsync("Accounts");

        // Direction: two-way is chosen; the focus enters the group on it.
        await keys.AssertEveryControlNamedAsync("wizard-direction");
        await keys.TabToAsync(page.Locator("[data-test='direction-TwoWay']"));
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("[data-test='direction-TwoWay']")).ToBeCheckedAsync();
        await keys.NextAsync("Direction");

        // Rules: add an action with Enter and fill it in.
        var rules = page.Locator("[data-test='rules-A']");
        await keys.TabToAsync(rules.Locator("[data-test='add-action']"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(rules.Locator("[data-test='action-value']")).ToHaveCountAsync(1);
        await keys.AssertEveryControlNamedAsync("wizard-rules");
        await keys.TabToAsync(rules.Locator("[data-test='action-value']"));
        await page.Keyboard.TypeAsync("From Pipedrive");
        await shots.TakeAsync(page, "wizard-rules-keyboard");
        await keys.NextAsync("Rules");

        // Winner, fields, options and review: each step's controls named and reached by Tab.
        await keys.AssertEveryControlNamedAsync("wizard-winner");
        await keys.TabToAsync(page.Locator("[data-test='winner-A']"));
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("[data-test='winner-A']")).ToBeCheckedAsync();
        await keys.NextAsync("Winner");
        await Assertions.Expect(page.Locator("[data-test='mapping-row']").First).ToBeVisibleAsync();
        await keys.AssertEveryControlNamedAsync("wizard-mappings");
        await keys.TabToAsync(page.Locator("[data-test='next-example']"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Example 2")).ToBeVisibleAsync();
        await keys.TabToAsync(page.Locator("[data-test='mapping-row'] input[type=checkbox]").First);
        // Each toggle is waited for until the server has it (the row's data-enabled), so a second key press never
        // races the render of the first.
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("[data-test='mapping-row'] input[type=checkbox]").First).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("[data-test='mapping-row']").First).ToHaveAttributeAsync("data-enabled", "off");
        await Assertions.Expect(page.Locator("[data-test='mapping-row'] input[type=checkbox]").First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("[data-test='mapping-row'] input[type=checkbox]").First).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("[data-test='mapping-row']").First).ToHaveAttributeAsync("data-enabled", "on");
        await shots.TakeAsync(page, "wizard-mappings-keyboard");
        await keys.NextAsync("Mappings");
        await keys.AssertEveryControlNamedAsync("wizard-options");
        await keys.TabToAsync(page.Locator("[data-test='option-sync-deletions']"));
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("[data-test='option-sync-deletions']")).ToBeCheckedAsync();
        await keys.NextAsync("Options");
        await Assertions.Expect(page.Locator("[data-test='dry-run-creates'], [role='alert']").First).ToBeVisibleAsync(new() { Timeout = (float)TandemPages.Patience.TotalMilliseconds });
        await keys.AssertEveryControlNamedAsync("wizard-review");
        await keys.TabToAsync(page.Locator("[data-test='connection-name']"));
        await page.Keyboard.TypeAsync("Typed by keyboard");
        await keys.TabToAsync(page.Locator("[data-test='start-syncing']"));
        await shots.TakeAsync(page, "wizard-review-keyboard");

        keys.AssertFocusAlwaysVisible();
    }

    /// <summary>Moves the focus with Tab only, recording every element it lands on that shows no focus indicator.</summary>
    private sealed class Keyboard(IPage page)
    {
        private readonly List<string> invisibleFocus = [];
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);

        public async Task TabToAsync(ILocator target, bool backwards = false)
        {
            for (var i = 0; i < MostTabs; i++)
            {
                await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
                var focused = await PageChecks.FocusedAsync(page);
                if (focused is not null && seen.Add(focused.What) && !focused.ShowsFocus)
                {
                    invisibleFocus.Add($"{focused.What} ({focused.Style})");
                }

                if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
                {
                    Assert.True(focused?.ShowsFocus, $"{focused?.What} has the focus and shows no indicator ({focused?.Style}).");
                    return;
                }
            }

            Assert.Fail($"{MostTabs} presses of {(backwards ? "Shift+Tab" : "Tab")} did not reach {target}.");
        }

        public async Task NextAsync(string step)
        {
            await TabToAsync(page.Locator("[data-test='next']"));
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator($"[data-step='{step}']")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        }

        public async Task AssertEveryControlNamedAsync(string where)
        {
            var unnamed = await PageChecks.UnnamedControlsAsync(page);
            Assert.True(unnamed.Count == 0, $"{where}: controls without an accessible name: {string.Join("; ", unnamed)}");
        }

        public void AssertFocusAlwaysVisible() =>
            Assert.True(invisibleFocus.Count == 0, $"The focus landed on elements that do not show it: {string.Join("; ", invisibleFocus)}");
    }
}
