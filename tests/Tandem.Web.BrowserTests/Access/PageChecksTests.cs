using Microsoft.Playwright;
using Tandem.Web.BrowserTests.Harness;

namespace Tandem.Web.BrowserTests.Access;

/// <summary>The page checks catch what they are meant to catch, on small hand-written pages (no server).</summary>
public sealed class PageChecksTests : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async ValueTask InitializeAsync()
    {
        if (File.Exists(Chromium.ExecutablePath))
        {
            playwright = await Playwright.CreateAsync();
            browser = await Chromium.LaunchAsync(playwright);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    [Fact]
    public async Task A_page_wider_than_the_screen_fails_and_names_the_element_sticking_out()
    {
        var page = await PageAsync("""<main><p>fits</p><div data-test="too-wide" style="width: 500px">wide</div></main>""");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => PageChecks.AssertNoHorizontalOverflowAsync(page, "test page"));
        Assert.Contains("too-wide", failure.Message, StringComparison.Ordinal);

        await page.SetContentAsync("""<main><div style="width: 100%">fits</div><div style="overflow-x: auto"><table><tr><td style="min-width: 600px">scrolls in its frame</td></tr></table></div></main>""");
        await PageChecks.AssertNoHorizontalOverflowAsync(page, "test page");
    }

    [Fact]
    public async Task Controls_without_a_label_aria_label_or_text_are_listed_and_named_ones_are_not()
    {
        var page = await PageAsync("""
            <label for="a">Email</label><input id="a" />
            <label>Wrapped <input type="checkbox" /></label>
            <select aria-label="Field"><option>One</option></select>
            <button>Save</button>
            <input data-test="nameless-input" />
            <select data-test="nameless-select"><option></option></select>
            <button data-test="nameless-button"></button>
            """);
        var unnamed = await PageChecks.UnnamedControlsAsync(page);
        Assert.Equal(3, unnamed.Count);
        Assert.Contains(unnamed, u => u.Contains("nameless-input", StringComparison.Ordinal));
        Assert.Contains(unnamed, u => u.Contains("nameless-select", StringComparison.Ordinal));
        Assert.Contains(unnamed, u => u.Contains("nameless-button", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Focus_without_an_outline_or_a_shadow_is_not_visible()
    {
        var page = await PageAsync("""
            <style>button:focus { outline: none; } #ringed:focus { box-shadow: 0 0 0 3px orange; }</style>
            <button id="bare">Bare</button><button id="ringed">Ringed</button>
            """);
        await page.Keyboard.PressAsync("Tab");
        Assert.False((await PageChecks.FocusedAsync(page))!.ShowsFocus);
        await page.Keyboard.PressAsync("Tab");
        Assert.True((await PageChecks.FocusedAsync(page))!.ShowsFocus);
    }

    [Fact]
    public async Task An_action_clipped_off_the_side_of_the_screen_is_not_within_reach()
    {
        var page = await PageAsync("""<body style="overflow-x: hidden; margin: 0"><button>Near</button><br><button style="position: relative; left: 500px">Far</button></body>""");
        await PageChecks.AssertReachableAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Near" }), "near");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => PageChecks.AssertReachableAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Far" }), "far"));
        Assert.Contains("far", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_cut_off_by_a_frame_that_scrolls_sideways_is_not_within_reach()
    {
        var page = await PageAsync("""
            <div style="overflow-x: auto; width: 300px"><div style="width: 900px"><button style="margin-left: 10px">Inside</button><button style="margin-left: 240px">Cut</button></div></div>
            """);
        await PageChecks.AssertReachableAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Inside" }), "inside");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => PageChecks.AssertReachableAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Cut" }), "cut"));
        Assert.Contains("cut lies at", failure.Message, StringComparison.Ordinal);
    }

    private async Task<IPage> PageAsync(string body)
    {
        Chromium.SkipUnlessInstalled();
        var page = await browser!.NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 740 } });
        await page.SetContentAsync(body);
        return page;
    }
}
