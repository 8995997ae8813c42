using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tandem.Sandbox.HubSpot;
using Tandem.Sandbox.Woodpecker;
using Tandem.Sandbox.Wooxy;
using Tandem.Web.BrowserTests.Harness;

namespace Tandem.Web.BrowserTests.Flow;

/// <summary>
/// The newer apps through the wizard in a real browser: HubSpot into Wooxy's Default Contact List (a one-way feed to a
/// write-only app), and Woodpecker with HubSpot both ways; what arrived is read back from the sandboxes themselves.
/// </summary>
public sealed partial class NewAppsWizardTests
{
    [Fact]
    public async Task HubSpot_contacts_reach_the_Wooxy_list_through_a_one_way_connection_built_in_the_wizard()
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await BrowserServer.StartAsync(cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("hubspot-wooxy");
        var page = await TandemPages.SignUpAsync(browser, server.BaseAddress);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "hubspot", shots);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "wooxy", shots);

        await TandemPages.PickAppsAndAccountsAsync(page, server.BaseAddress, "hubspot", "wooxy", shots);

        // Wooxy lists nothing, so only the feed into it is offered.
        await Assertions.Expect(page.Locator("[data-test='direction-TwoWay']")).ToHaveCountAsync(0);
        await page.Locator("[data-test='direction-AToB']").CheckAsync();
        await StartAsync(page, shots, "HubSpot into Wooxy");

        var hubspot = (HubSpotSandbox)server.SandboxOf("hubspot").Host.App;
        var wooxy = (WooxySandbox)server.SandboxOf("wooxy").Host.App;
        var emails = hubspot.ContactIds().Select(id => hubspot.Contact(id)!.GetValueOrDefault("email")).OfType<string>().ToList();
        Assert.NotEmpty(emails);
        await Eventually.AnswerAsync(
            _ => Task.FromResult(emails.Count(e => wooxy.Contact(WooxySandbox.DefaultListId, e) is not null)),
            arrived => arrived > emails.Count * 9 / 10,
            TandemPages.Patience,
            "HubSpot's contacts reach the Wooxy list",
            cancel);
        await shots.TakeAsync(page, "connection-active");
    }

    [Fact]
    public async Task Woodpecker_prospects_and_HubSpot_contacts_meet_both_ways_through_the_wizard()
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await BrowserServer.StartAsync(cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("woodpecker-hubspot");
        var page = await TandemPages.SignUpAsync(browser, server.BaseAddress);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "woodpecker", shots);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "hubspot", shots);

        var woodpecker = (WoodpeckerSandbox)server.SandboxOf("woodpecker").Host.App;
        var hubspot = (HubSpotSandbox)server.SandboxOf("hubspot").Host.App;
        var prospects = ProspectEmails(woodpecker);
        var contacts = HubSpotEmails(hubspot);
        Assert.Empty(prospects.Intersect(contacts, StringComparer.OrdinalIgnoreCase));

        await TandemPages.PickAppsAndAccountsAsync(page, server.BaseAddress, "woodpecker", "hubspot", shots);
        await Assertions.Expect(page.Locator("[data-test='direction-TwoWay']")).ToBeCheckedAsync();
        await StartAsync(page, shots, "Woodpecker and HubSpot");

        // Both ways: prospects become HubSpot contacts and contacts become prospects (some may wait under Possible matches).
        await Eventually.AnswerAsync(
            _ => Task.FromResult((ToHubSpot: prospects.Count(HubSpotEmails(hubspot).Contains), ToWoodpecker: contacts.Count(ProspectEmails(woodpecker).Contains))),
            arrived => arrived.ToHubSpot > prospects.Count / 2 && arrived.ToWoodpecker > contacts.Count / 2,
            TandemPages.Patience,
            "Woodpecker's prospects in HubSpot and HubSpot's contacts in Woodpecker",
            cancel);
        await shots.TakeAsync(page, "connection-active");
    }

    /// <summary>Goes through the remaining steps as they come, names the connection, starts it and waits until it is active with contacts in sync.</summary>
    private static async Task StartAsync(IPage page, Screenshots shots, string name)
    {
        var start = page.Locator("[data-test='start-syncing']");
        for (var steps = 0; steps < 10 && await start.CountAsync() == 0; steps++)
        {
            var step = await page.Locator("[data-step]").First.GetAttributeAsync("data-step");
            await TandemPages.NextStepAsync(page, shots, step!);
        }

        await page.Locator("[data-test='connection-name']").FillAsync(name);
        Assert.Empty(string.Join(" ", await page.GetByRole(AriaRole.Alert).AllInnerTextsAsync()));
        await shots.TakeAsync(page, "wizard-review");
        await start.ClickAsync();
        await page.WaitForURLAsync(ConnectionPagePattern());
        await TandemPages.WaitLiveAsync(page);
        var patience = new LocatorAssertionsToBeVisibleOptions { Timeout = (float)TandemPages.Patience.TotalMilliseconds };
        await Assertions.Expect(page.Locator("[data-state='Active']").First).ToBeVisibleAsync(patience);
        await Assertions.Expect(page.Locator("[data-test='in-sync']")).Not.ToHaveTextAsync("0 in sync", new() { Timeout = (float)TandemPages.Patience.TotalMilliseconds });
    }

    private static HashSet<string> HubSpotEmails(HubSpotSandbox hubspot) =>
        hubspot.ContactIds().Select(id => hubspot.Contact(id)?.GetValueOrDefault("email")?.ToLowerInvariant()).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> ProspectEmails(WoodpeckerSandbox woodpecker) =>
        woodpecker.ProspectIds().Select(id => woodpecker.Prospect(id)?["email"]?.GetValue<string>()?.ToLowerInvariant()).OfType<string>().ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"/connections/[0-9a-f]{32}$")]
    private static partial Regex ConnectionPagePattern();
}
