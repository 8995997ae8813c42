using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Cli.Tests.Support;
using Tandem.Sandbox;
using Tandem.Sandbox.Mailchimp;
using Tandem.Sandbox.Pipeliner;
using Tandem.Sandbox.Workbooks;

namespace Tandem.Cli.Tests.Commands;

/// <summary>
/// <c>tandem discover</c> for the other apps whose accounts hold several collections, against their sandboxes on
/// 127.0.0.1: Mailchimp's audiences, Workbooks' databases, a Pipeliner space's sales units; each lists them and prints
/// the set-up file for the one picked, with the secret read from a variable and the typed address allowed.
/// </summary>
public sealed class DiscoverAppsCommandTests : IDisposable
{
    private readonly CliFixture cli = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Mailchimp_lists_the_audiences_with_their_members_and_the_picked_ones_set_up_file_syncs_as_printed()
    {
        using var sandbox = new MailchimpSandbox();
        await using var host = await SandboxHost.StartAsync(sandbox, 0, Ct);
        var baseUrl = new Uri(host.BaseUri, "3.0/").AbsoluteUri;
        cli.Variables["MAILCHIMP_API_KEY"] = sandbox.Options.ApiKey;

        var run = await cli.RunAsync("discover", "mailchimp", "--setting", "baseUrl=" + baseUrl, "--password-env", "MAILCHIMP_API_KEY", "--pick", "Tandem Newsletter");

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal("2 audiences:", run.Lines[0]);
        Assert.Matches($"^  {MailchimpSandbox.NewsletterAudienceId} \\(Tandem Newsletter\\): members [1-9][0-9]*$", run.Lines[1]);
        Assert.Matches("^  [0-9a-f]{10} \\(Event attendees\\): members [0-9]+$", run.Lines[2]);
        Assert.Equal("Set-up file for 'a1b2c3d4e5' (the API key is read from $MAILCHIMP_API_KEY; add the other account and a connection, see docs/setup-file.md):", run.Lines[4]);
        Assert.DoesNotContain(sandbox.Options.ApiKey, run.Out, StringComparison.Ordinal);
        var file = JsonNode.Parse(string.Join('\n', run.Lines.Skip(5)))!.AsObject();
        Assert.Equal("""["127.0.0.1"]""", file["allowInternalHosts"]!.ToJsonString());
        Assert.Equal(
            """{"name":"a1b2c3d4e5","app":"mailchimp","settings":{"baseUrl":""" + "\"" + baseUrl + "\"" + ""","audienceId":"a1b2c3d4e5"},"secrets":{"apiKey":{"env":"MAILCHIMP_API_KEY"}}}""",
            file["accounts"]![0]!.ToJsonString());

        file["accounts"]!.AsArray().Add(JsonNode.Parse($$"""{ "name": "folder", "app": "vcard-folder", "settings": { "path": {{System.Text.Json.JsonSerializer.Serialize(cli.FolderA)}} } }"""));
        file["connections"] = JsonNode.Parse("""[{ "name": "newsletter-folder", "accountA": "a1b2c3d4e5", "accountB": "folder", "settings": { "direction": "AToB" } }]""");
        File.WriteAllText(cli.SetupPath, file.ToJsonString());
        var sync = await cli.RunAsync("sync", cli.SetupPath);

        Assert.True(sync.ExitCode == 0, sync.Out + sync.Error);
        Assert.NotEmpty(CliFixture.Emails(cli.FolderA));
    }

    [Fact]
    public async Task Workbooks_lists_the_databases_the_api_key_reaches_and_prints_the_set_up_file_for_one()
    {
        var sandbox = new WorkbooksSandbox();
        await using var host = await SandboxHost.StartAsync(sandbox, 0, Ct);
        cli.Variables["WORKBOOKS_API_KEY"] = sandbox.Options.ApiKey;

        var run = await cli.RunAsync("discover", "workbooks", "--setting", "baseUrl=" + host.BaseUri.AbsoluteUri, "--password-env", "WORKBOOKS_API_KEY");

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal(["1 database:", "  3 (Demo Ltd)", string.Empty, "Set-up file for '3' (the API key is read from $WORKBOOKS_API_KEY; add the other account and a connection, see docs/setup-file.md):"], run.Lines.Take(4));
        var file = JsonNode.Parse(string.Join('\n', run.Lines.Skip(4)))!.AsObject();
        Assert.Equal(
            """{"name":"3","app":"workbooks","settings":{"baseUrl":""" + "\"" + host.BaseUri.AbsoluteUri + "\"" + ""","databaseId":"3"},"secrets":{"apiKey":{"env":"WORKBOOKS_API_KEY"}}}""",
            file["accounts"]![0]!.ToJsonString());
    }

    [Fact]
    public async Task Pipeliner_lists_the_spaces_sales_units_by_name_and_prints_the_set_up_file_for_the_one_picked()
    {
        using var sandbox = new PipelinerSandbox();
        await using var host = await SandboxHost.StartAsync(sandbox, 0, Ct);
        cli.Variables["PIPELINER_API_PASSWORD"] = sandbox.Options.ApiPassword;
        var units = PipelinerSandbox.SalesUnits.OrderBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var picked = units[^1];

        var run = await cli.RunAsync(
            "discover", "pipeliner", host.BaseUri.AbsoluteUri, "--username", sandbox.Options.ApiToken, "--setting", "spaceId=" + sandbox.Options.SpaceId,
            "--password-env", "PIPELINER_API_PASSWORD", "--pick", picked.Name);

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal(
            [$"{units.Count.ToString(CultureInfo.InvariantCulture)} sales units:", .. units.Select(u => $"  {u.Id} ({u.Name})")],
            run.Lines.Take(units.Count + 1));
        var file = JsonNode.Parse(string.Join('\n', run.Lines.Skip(units.Count + 3)))!.AsObject();
        var settings = file["accounts"]![0]!["settings"]!;
        Assert.Equal(picked.Id, settings["salesUnitId"]!.GetValue<string>());
        Assert.Equal(sandbox.Options.SpaceId, settings["spaceId"]!.GetValue<string>());
        Assert.Equal(host.BaseUri.AbsoluteUri, settings["serviceUrl"]!.GetValue<string>());
        Assert.Equal("""{"apiPassword":{"env":"PIPELINER_API_PASSWORD"}}""", file["accounts"]![0]!["secrets"]!.ToJsonString());
    }

    [Fact]
    public async Task Every_app_with_collections_is_offered_and_one_without_is_refused()
    {
        var help = await cli.RunAsync("discover", "--help");
        var refused = await cli.RunAsync("discover", "pipedrive");

        Assert.Contains("The app: carddav, mailchimp, pipeliner, workbooks.", help.Out, StringComparison.Ordinal);
        Assert.Equal(2, refused.ExitCode);
    }
}
