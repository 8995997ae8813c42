using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tandem.Web.BrowserTests.Harness;

namespace Tandem.Web.BrowserTests.Flow;

/// <summary>
/// Variable matching of a one-way feed (PRODUCT.md §5), Pipedrive → Google Contacts, through the wizard's table in a
/// real browser; what arrived is read back through the Google sandbox's own People API.
/// </summary>
public sealed partial class VariableMatchingTests
{
    private const string NameSource = "$name";
    private const string PipedriveCustomPrefix = "custom.";
    private const string GoogleSegment = "userDefined.Segment";
    private const string GoogleNickname = "userDefined.Nickname";

    [Fact]
    public async Task A_one_way_feed_sends_the_matched_fields_refuses_a_shared_target_and_keeps_target_values_where_empty_ones_are_ignored()
    {
        Chromium.SkipUnlessInstalled();
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await BrowserServer.StartAsync(cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var shots = new Screenshots("variable-matching");
        using var apis = new SandboxApis(server.SandboxOf("pipedrive"), server.SandboxOf("google-contacts"));

        var page = await TandemPages.SignUpAsync(browser, server.BaseAddress);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "pipedrive", shots);
        await TandemPages.AuthoriseAsync(page, server.BaseAddress, "google-contacts", shots);
        var persons = await apis.PipedrivePersonsAsync(cancel);
        var segment = await apis.PipedriveFieldAsync("Segment", cancel);
        var nickname = await apis.PipedriveFieldAsync("Nickname", cancel);
        var segmentSource = PipedriveCustomPrefix + segment.Key;
        var nicknameSource = PipedriveCustomPrefix + nickname.Key;

        await TandemPages.PickAppsAndAccountsAsync(page, server.BaseAddress, "pipedrive", "google-contacts", shots);
        await page.Locator("[data-test='direction-AToB']").CheckAsync();
        await TandemPages.NextStepAsync(page, shots, "Direction");
        await Assertions.Expect(page.Locator("[data-test='rules-B']")).ToHaveCountAsync(0);
        await TandemPages.NextStepAsync(page, shots, "Rules");
        await TandemPages.NextStepAsync(page, shots, "Winner");

        // The table: every Pipedrive field, the name first, with a preview from a real person; the default rows are matched.
        var rows = page.Locator("[data-test='variable-row']");
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-source", NameSource);
        Assert.True(await rows.CountAsync() > 10, "every Pipedrive person field has a row");
        var nameRow = Row(page, NameSource);
        var segmentRow = Row(page, segmentSource);
        var nicknameRow = Row(page, nicknameSource);
        Assert.Contains(await PreviewAsync(nameRow), persons.Select(p => p["name"]!.GetValue<string>()));
        Assert.Contains(await PreviewAsync(segmentRow), segment.Options.Values);
        await ExpectMatchedAsync(nameRow, true);
        await ExpectMatchedAsync(segmentRow, false);

        // A text field labelled "Nickname" goes to Google's own nickname by default; this user wants it in a custom
        // field instead, so clears the row first.
        await ExpectMatchedAsync(nicknameRow, true);
        await nicknameRow.Locator("[data-test='variable-target']").SelectOptionAsync("");
        await ExpectMatchedAsync(nicknameRow, false);
        await Assertions.Expect(nicknameRow.Locator("[data-test='variable-ignore-empty']")).ToBeDisabledAsync();
        var matchedBefore = await MatchedCountAsync(page);
        Assert.Empty(await PageChecks.UnnamedControlsAsync(page));
        await shots.TakeAsync(page, "matching-table");

        // Segment (a choice) into Google's userDefined "Segment" (text): matched, the dot turns green.
        await segmentRow.Locator("[data-test='variable-target']").SelectOptionAsync(GoogleSegment);
        await ExpectMatchedAsync(segmentRow, true);
        Assert.Equal(matchedBefore + 1, await MatchedCountAsync(page));

        // Nickname onto the same target is refused with a message naming both; nothing else changes.
        var nicknameTarget = nicknameRow.Locator("[data-test='variable-target']");
        await Assertions.Expect(nicknameTarget.Locator($"option[value='{GoogleNickname}']")).ToHaveCountAsync(0);
        await nicknameTarget.SelectOptionAsync(GoogleSegment);
        var message = page.Locator("[data-test='matching-message']");
        await Assertions.Expect(message).ToContainTextAsync("already receives");
        await Assertions.Expect(message).ToContainTextAsync("Segment");
        await Assertions.Expect(message).ToContainTextAsync("Nickname");
        await Assertions.Expect(message).ToHaveAttributeAsync("role", "alert");
        await ExpectMatchedAsync(nicknameRow, false);
        await Assertions.Expect(nicknameRow.Locator("[data-test='variable-target']")).ToHaveValueAsync("");
        await Assertions.Expect(segmentRow.Locator("[data-test='variable-target']")).ToHaveValueAsync(GoogleSegment);
        Assert.Equal(matchedBefore + 1, await MatchedCountAsync(page));
        await shots.TakeAsync(page, "matching-shared-target-refused");

        // A Google user adds the field to a contact; Refresh fields reads both apps again and offers it.
        await apis.CreateGoogleContactAsync(NewGoogleContactWithNickname(), cancel);
        await page.Locator("[data-test='refresh-fields']").ClickAsync();
        await Assertions.Expect(nicknameRow.Locator($"[data-test='variable-target'] option[value='{GoogleNickname}']")).ToHaveCountAsync(1);
        await nicknameRow.Locator("[data-test='variable-target']").SelectOptionAsync(GoogleNickname);
        await ExpectMatchedAsync(nicknameRow, true);
        await Assertions.Expect(message).ToHaveCountAsync(0);
        var ignoreEmpty = nicknameRow.Locator("[data-test='variable-ignore-empty']");
        await Assertions.Expect(ignoreEmpty).ToBeEnabledAsync();
        await ignoreEmpty.CheckAsync();
        await Assertions.Expect(ignoreEmpty).ToBeCheckedAsync();
        Assert.Equal(matchedBefore + 2, await MatchedCountAsync(page));
        await TandemPages.NextStepAsync(page, shots, "Mappings");
        await TandemPages.NextStepAsync(page, shots, "Options");

        await page.Locator("[data-test='connection-name']").FillAsync("Pipedrive feed");
        await Assertions.Expect(page.Locator("[data-test='dry-run-creates']")).ToContainTextAsync("to create in Google Contacts", new() { Timeout = Milliseconds(TandemPages.Patience) });
        Assert.Empty(string.Join(" ", await page.GetByRole(AriaRole.Alert).AllInnerTextsAsync()));
        await shots.TakeAsync(page, "wizard-review");
        await page.Locator("[data-test='start-syncing']").ClickAsync();
        await page.WaitForURLAsync(ConnectionPagePattern());
        await TandemPages.WaitLiveAsync(page);
        await Assertions.Expect(page.Locator("[data-state='Active']").First).ToBeVisibleAsync(new() { Timeout = Milliseconds(TandemPages.Patience) });
        await Assertions.Expect(page.Locator("[data-test='in-sync']")).Not.ToHaveTextAsync("0 in sync");
        await shots.TakeAsync(page, "connection-active");

        // In Google: each person with its Segment's label and its Nickname, and no field that was not matched.
        var google = (await apis.GooglePeopleAsync("emailAddresses,userDefined,organizations", cancel))
            .SelectMany(p => SandboxApis.GoogleEmailsOf(p).Select(e => (Email: e, Person: p)))
            .ToDictionary(x => x.Email, x => x.Person, StringComparer.Ordinal);
        var sent = persons.Where(p => SandboxApis.EmailsOf(p).Any()).ToList();
        Assert.NotEmpty(sent);

        // A person with the same name and phone or company as a Google contact waits under Possible matches instead.
        var waiting = sent.Select(p => SandboxApis.EmailsOf(p).First()).Where(email => !google.ContainsKey(email)).ToList();
        Assert.True(waiting.Count < sent.Count / 10, $"{waiting.Count} of {sent.Count} persons did not arrive");
        await TandemPages.ExpectWaitingForReviewAsync(page, waiting);
        sent = [.. sent.Where(p => !waiting.Contains(SandboxApis.EmailsOf(p).First()))];
        foreach (var person in sent)
        {
            var arrived = google[SandboxApis.EmailsOf(person).First()];
            var custom = person["custom_fields"]!;
            Assert.Equal(custom[segment.Key] is JsonValue id ? segment.Options[id.GetValue<int>()] : null, SandboxApis.UserDefinedOf(arrived, "Segment"));
            Assert.Equal(custom[nickname.Key]?.GetValue<string>(), SandboxApis.UserDefinedOf(arrived, "Nickname"));
            Assert.Equal(person["job_title"]?.GetValue<string>(), SandboxApis.JobTitleOf(arrived));
            Assert.All(SandboxApis.UserDefinedKeysOf(arrived), key => Assert.Contains(key, new[] { "Segment", "Nickname" }));
        }

        // A Pipedrive user empties a person's job title and nickname: the title (a default row) is emptied in Google,
        // the nickname (ignore empty values) keeps what Google holds.
        var emptied = sent.First(p => p["job_title"] is JsonValue && p["custom_fields"]![nickname.Key] is JsonValue);
        var email = SandboxApis.EmailsOf(emptied).First();
        var kept = emptied["custom_fields"]![nickname.Key]!.GetValue<string>();
        await apis.UpdatePipedrivePersonAsync(
            emptied["id"]!.GetValue<int>(),
            new JsonObject { ["job_title"] = null, ["custom_fields"] = new JsonObject { [nickname.Key] = null } },
            cancel);
        var after = await Eventually.AnswerAsync(
            c => apis.GooglePersonAsync(email, "userDefined,organizations", c),
            p => p is not null && SandboxApis.JobTitleOf(p) is null,
            TandemPages.Patience,
            $"the emptied job title of {email} reaches Google",
            cancel);
        Assert.Equal(kept, SandboxApis.UserDefinedOf(after!, "Nickname"));
        var update = page.Locator("[data-test='activity-log'] li[data-kind='updated']", new() { HasText = emptied["name"]!.GetValue<string>() });
        await Assertions.Expect(update.First).ToBeVisibleAsync(new() { Timeout = Milliseconds(TandemPages.Patience) });
        await shots.TakeAsync(page, "connection-after-emptied-fields");
    }

    private static ILocator Row(IPage page, string source) => page.Locator($"[data-test='variable-row'][data-source='{source}']");

    private static async Task<string> PreviewAsync(ILocator row) => (await row.Locator(".example").InnerTextAsync()).Trim();

    private static async Task<int> MatchedCountAsync(IPage page)
    {
        var text = await page.Locator("[data-test='matched-count']").InnerTextAsync();
        return int.Parse(LeadingNumber().Match(text).Value, CultureInfo.InvariantCulture);
    }

    // The dot is green when matched and grey when not: its computed colour, not only the row's attribute.
    private static async Task ExpectMatchedAsync(ILocator row, bool matched)
    {
        await Assertions.Expect(row).ToHaveAttributeAsync("data-matched", matched ? "true" : "false");
        var color = await row.Locator("td").First.Locator("span").First.EvaluateAsync<string>("e => getComputedStyle(e).color");
        var rgb = Rgb().Matches(color).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
        var (r, g, b) = (rgb[0], rgb[1], rgb[2]);
        if (matched)
        {
            Assert.True(g > r + 40 && g > b + 40, $"a matched row's dot is green, not {color}");
        }
        else
        {
            Assert.True(Math.Abs(r - g) <= 16 && Math.Abs(g - b) <= 16 && r > 80, $"an unmatched row's dot is grey, not {color}");
        }
    }

    private static JsonObject NewGoogleContactWithNickname() => new()
    {
        ["names"] = new JsonArray(new JsonObject { ["givenName"] = "Refresh", ["familyName"] = "Example" }),
        ["emailAddresses"] = new JsonArray(new JsonObject { ["value"] = "refresh.example@example.test" }),
        ["userDefined"] = new JsonArray(new JsonObject { ["key"] = "Nickname", ["value"] = "Ref" }),
    };

    private static float Milliseconds(TimeSpan span) => (float)span.TotalMilliseconds;

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Rgb();

    [GeneratedRegex(@"/connections/[0-9a-f]{32}$")]
    private static partial Regex ConnectionPagePattern();
}
