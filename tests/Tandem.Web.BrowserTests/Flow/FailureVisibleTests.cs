using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tandem.Web.BrowserTests.Harness;

namespace Tandem.Web.BrowserTests.Flow;

/// <summary>
/// Issue 18 item 1: while an app keeps answering 503, the connection page and the dashboard card say so, with since
/// when and the next try, instead of "Active"; once the app answers again the connection is Active by itself.
/// </summary>
public sealed partial class FailureVisibleTests
{
    private static readonly TimeSpan Patience = TandemPages.Patience;

    [Fact]
    public async Task A_connection_whose_app_answers_503_shows_retrying_with_the_next_try_and_returns_to_active_by_itself()
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await BrowserServer.StartAsync(cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("failure-visible");
        var google = server.SandboxOf("google-contacts");

        var page = await TandemPages.SignUpAsync(browser, server.BaseAddress);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "pipedrive", shots);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "google-contacts", shots);
        var connectionUrl = await TandemPages.StartTwoWayConnectionAsync(page, server.BaseAddress, "pipedrive", "google-contacts", "Failing Google", shots);
        await Assertions.Expect(page.Locator("[data-state='Active']").First).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });

        // Google answers every request with 503 from now on.
        await SandboxFaultSwitches.ApplyAsync(google, new JsonObject { ["serverErrors"] = 1_000_000, ["serverErrorStatus"] = 503 }, cancel);
        var retrying = page.Locator("[data-test='retrying']");
        await Assertions.Expect(page.Locator("[data-state='Retrying']")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(retrying).ToHaveTextAsync(RetryingPattern(), new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(page.Locator("[data-state='Active']")).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "connection-retrying");

        await page.GotoAsync(server.BaseAddress.ToString());
        await TandemPages.WaitLiveAsync(page);
        var card = page.Locator("[data-connection]").Filter(new() { HasText = "Failing Google" });
        await Assertions.Expect(card.Locator("[data-state='Retrying']")).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator("[data-test='retrying']")).ToHaveTextAsync(RetryingPattern(), new() { Timeout = (float)Patience.TotalMilliseconds });
        await shots.TakeAsync(page, "dashboard-retrying");
        await page.SetViewportSizeAsync(375, 740);
        await Assertions.Expect(card.Locator("[data-test='retrying']")).ToBeVisibleAsync();
        await PageChecks.AssertNoHorizontalOverflowAsync(page, "dashboard with a retrying connection at 375 px");
        await shots.TakeAsync(page, "dashboard-retrying-phone");
        await page.SetViewportSizeAsync(TandemPages.Desktop.Width, TandemPages.Desktop.Height);

        // Google answers again: the next try succeeds and the card says Active, with no click.
        await SandboxFaultSwitches.ApplyAsync(google, new JsonObject { ["reset"] = true }, cancel);
        await Assertions.Expect(card.Locator("[data-state='Active']")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(card.Locator("[data-test='retrying']")).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "dashboard-recovered");
        await page.GotoAsync(connectionUrl);
        await TandemPages.WaitLiveAsync(page);
        await Assertions.Expect(page.Locator("[data-state='Active']").First).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"— Google Contacts is not answering \(503\) since \d\d:\d\d UTC; next try \d\d:\d\d UTC$")]
    private static partial Regex RetryingPattern();
}
