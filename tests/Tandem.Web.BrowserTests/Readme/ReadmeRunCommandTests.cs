using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tandem.Web.BrowserTests.Harness;

namespace Tandem.Web.BrowserTests.Readme;

/// <summary>
/// The README's first command, run exactly as written in the repository's root, gives the whole app: styled pages,
/// a live wizard, and a first sync between two sandbox apps, in Chromium.
/// </summary>
public sealed partial class ReadmeRunCommandTests
{
    // The first `dotnet run` builds the web app and its projects in Debug; on a loaded 2-core machine that takes minutes.
    private static readonly TimeSpan BuildPatience = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan Patience = TandemPages.Patience;

    [Fact]
    public async Task The_readme_run_command_serves_the_styled_live_app_where_a_newcomer_connects_two_sandbox_apps_and_sees_a_first_sync()
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        var commands = Harness.Readme.SetUpCommands(ReadmeServer.RepositoryRoot());
        Assert.Equal(2, commands.Count);

        await using var server = await ReadmeServer.StartAsync(BuildPatience, cancel);
        TestContext.Current.TestOutputHelper?.WriteLine($"started: {server.Command}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("readme-run-command");
        var address = ReadmeServer.Address;

        // The page's stylesheet and Blazor's script are served with content (an empty 200 left the app unstyled and dead).
        var page = await TandemPages.NewPageAsync(browser, address);
        page.Console += (_, message) => TestContext.Current.TestOutputHelper?.WriteLine($"browser console: {message.Type}: {message.Text}");
        page.RequestFailed += (_, request) => TestContext.Current.TestOutputHelper?.WriteLine($"request failed: {request.Url} {request.Failure}");
        await page.GotoAsync("signin");
        var stylesheet = await page.Locator("link[rel='stylesheet']").First.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(stylesheet), "The sign-in page links no stylesheet.");
        foreach (var asset in new[] { stylesheet!, "_framework/blazor.web.js" })
        {
            var response = await page.APIRequest.GetAsync(new Uri(address, asset).ToString());
            Assert.Equal(200, response.Status);
            Assert.True((await response.BodyAsync()).Length > 1000, $"{asset} was served empty:\n{server.Output}");
        }

        // The styles are applied: the page's background is the app's, not the browser's white.
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        await shots.TakeAsync(page, "signin");

        // Sign-up waits for the live circuit, so the script works; then two sandbox accounts and the wizard.
        await TandemPages.SignUpAsync(page, address, TandemPages.NewEmail());
        await TandemPages.AuthoriseAsync(page, address, "pipedrive", shots);
        await TandemPages.AuthoriseAsync(page, address, "google-contacts", shots);
        await TandemPages.PickAppsAndAccountsAsync(page, address, "pipedrive", "google-contacts", shots);
        foreach (var step in new[] { "Direction", "Rules", "Winner", "Mappings", "Options" })
        {
            await TandemPages.NextStepAsync(page, shots, step);
        }

        await page.Locator("[data-test='connection-name']").FillAsync("README first sync");
        await Assertions.Expect(page.Locator("[data-test='dry-run-creates']")).ToContainTextAsync("to create in Google Contacts", new() { Timeout = (float)Patience.TotalMilliseconds });
        await shots.TakeAsync(page, "review");
        await page.Locator("[data-test='start-syncing']").ClickAsync();
        await page.WaitForURLAsync(ConnectionPagePattern());
        await TandemPages.WaitLiveAsync(page);

        // The first sync runs and settles: contacts in sync, creations in the activity log.
        await Assertions.Expect(page.Locator("[data-state='Active']").First).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(page.Locator("[data-test='in-sync']")).Not.ToHaveTextAsync("0 in sync", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(page.Locator("[data-test='activity-log'] li[data-kind='created']").First).ToBeVisibleAsync();
        await shots.TakeAsync(page, "first-sync");
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshots are in {shots.Folder}");
    }

    [GeneratedRegex(@"/connections/[0-9a-f]{32}$")]
    private static partial Regex ConnectionPagePattern();
}
