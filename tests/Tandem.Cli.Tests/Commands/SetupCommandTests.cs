using Tandem.Cli.Tests.Support;
using Tandem.Sandbox;
using Tandem.Sandbox.Pipeliner;

namespace Tandem.Cli.Tests.Commands;

public sealed class SetupCommandTests : IDisposable
{
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Applying_the_same_file_twice_creates_nothing_the_second_time()
    {
        var setup = cli.WriteSetup();

        var first = await cli.RunAsync("setup", setup);
        var second = await cli.RunAsync("setup", setup);
        var status = await cli.RunAsync("status");

        Assert.Equal(["account 'personal': created", "account 'work': created", "connection 'personal-work': created"], first.Lines);
        Assert.Equal(["account 'personal': unchanged", "account 'work': unchanged", "connection 'personal-work': unchanged"], second.Lines);
        Assert.Equal(["personal-work: Scanning; last run never; in sync 0, excluded 0, failed 0"], status.Lines);
    }

    [Fact]
    public async Task Changed_connection_settings_are_saved_and_the_next_run_rescans()
    {
        CliFixture.WriteCard(cli.FolderA, "ann", "Ann", "Lee", "ann@example.com");
        await cli.RunAsync("sync", cli.WriteSetup());

        var changed = await cli.RunAsync("setup", cli.WriteSetup("""{ "direction": "AToB" }"""));
        var status = await cli.RunAsync("status");
        var run = await cli.RunAsync("sync", cli.SetupPath);

        Assert.Equal("connection 'personal-work': updated", changed.Lines[^1]);
        Assert.Equal(
            [
                "personal-work: Scanning; last run 2026-11-23 09:00:00Z; in sync 1, excluded 0, failed 0",
                "  Settings changed; the next run rescans both sides.",
            ],
            status.Lines);

        // A full rescan reads every contact again (a change-only run reads none); it writes nothing.
        Assert.Equal("  A 'personal': read 1, created 0, updated 0, tagged 0, write calls 0", run.Lines[4]);
        Assert.Equal("  B 'work': read 1, created 0, updated 0, tagged 0, write calls 0", run.Lines[5]);
        Assert.Equal(["personal-work: Active; last run 2026-11-23 09:00:00Z; in sync 1, excluded 0, failed 0"], (await cli.RunAsync("status")).Lines);
    }

    [Theory]
    [InlineData("""{ "accounts": [ """, "setup.json: not valid JSON (line 1, byte 17).")]
    [InlineData("""{ "accounts": [ { "name": "x", "app": "salesforce" } ] }""", "setup.json: $.accounts[0].app: Unknown app 'salesforce'. Known apps: carddav, google-contacts, hubspot, in-memory, mailchimp, pipedrive, pipeliner, salesmate, vcard-folder, woodpecker, wooxy, workbooks.")]
    [InlineData("""{ "accounts": [ { "name": "x", "app": "vcard-folder", "settings": { "path": "/x", "pth": "/y" } } ] }""", "setup.json: $.accounts[0].settings.pth: 'pth' is not a setting of vcard-folder (its settings: path, defaultRegion).")]
    [InlineData("""{ "accounts": [ { "name": "x", "app": "vcard-folder", "settings": { "defaultRegion": "BE" } } ] }""", "setup.json: $.accounts[0]: account 'x' (vcard-folder) needs the settings entry 'path' (Folder).")]
    [InlineData("""{ "accounts": [ { "name": "x", "app": "vcard-folder", "secrets": { "path": { "env": "NOT_SET" } } } ] }""", "setup.json: $.accounts[0].secrets.path: 'path' is not a secret of vcard-folder: put it under \"settings\".")]
    [InlineData("""{ "accounts": [ { "name": "x", "app": "vcard-folder", "settings": { "path": "/x" } } ], "connections": [ { "name": "c", "accountA": "x", "accountB": "y" } ] }""", "setup.json: $.connections[0].accountB: no account named 'y' is defined in this file.")]
    [InlineData("""{ "accounts": [], "connections": [], "extra": 1 }""", "setup.json: $.extra: unknown property; expected one of: allowInternalHosts, accounts, connections.")]
    [InlineData("""{ "allowInternalHosts": ["http://127.0.0.1:5232/"] }""", "setup.json: $.allowInternalHosts[0]: 'http://127.0.0.1:5232/' is not a host name or IP address (write the host alone, e.g. \"192.168.1.20\" or \"nas.lan\", without scheme, port or path).")]
    public async Task A_bad_file_exits_2_with_a_message_naming_the_problem(string json, string message)
    {
        File.WriteAllText(cli.SetupPath, json);

        var run = await cli.RunAsync("setup", cli.SetupPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"tandem: {cli.SetupPath.Replace("setup.json", string.Empty, StringComparison.Ordinal)}{message}" + Environment.NewLine, run.Error);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task A_bad_connection_setting_is_reported_with_its_path_and_nothing_is_changed()
    {
        await cli.RunAsync("setup", cli.WriteSetup());
        var before = await cli.RunAsync("status");

        var run = await cli.RunAsync("setup", cli.WriteSetup("""{ "direction": "TwoWay", "rulesA": [ { "filters": [ { "kind": "Sometimes" } ] } ] }"""));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"tandem: {cli.SetupPath}: $.connections[0].settings.rulesA[0].filters[0].kind: The JSON value could not be converted to ", run.Error, StringComparison.Ordinal);
        Assert.Equal(before.Out, (await cli.RunAsync("status")).Out);
    }

    [Fact]
    public async Task A_connection_the_web_app_would_refuse_exits_2_with_every_problem_in_words_and_nothing_is_changed()
    {
        await cli.RunAsync("setup", cli.WriteSetup());
        var before = await cli.RunAsync("status");

        var run = await cli.RunAsync("setup", cli.WriteSetup("""{ "rulesA": [ { "id": "subscribers", "filters": [ { "kind": "IsSubscribed" } ] } ] }"""));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"tandem: {cli.SetupPath}: $.connections[0]: connection 'personal-work' cannot be saved. Rules of vCard folder (side A): rule “subscribers” tests “is subscribed”, "
            + "which vCard folder does not offer; it offers “a field is”, “a field is not”, “a field contains”, “a field is empty”, “a field is not empty”, "
            + "“has category”, “does not have category”, “already exists in vCard folder”." + Environment.NewLine,
            run.Error);
        Assert.Equal(before.Out, (await cli.RunAsync("status")).Out);
    }

    [Fact]
    public async Task A_sales_unit_the_pipeliner_space_lacks_exits_2_listing_the_units_it_has_and_nothing_is_saved()
    {
        using var sandbox = new PipelinerSandbox(new PipelinerSandboxOptions { SeedContacts = 3 });
        await using var host = await SandboxHost.StartAsync(sandbox, 0, TestContext.Current.CancellationToken);
        string File(string unit) => $$"""
            { "accounts": [ { "name": "crm", "app": "pipeliner",
              "settings": { "apiToken": "{{sandbox.Options.ApiToken}}", "spaceId": "{{sandbox.Options.SpaceId}}", "serviceUrl": "{{host.BaseUri}}", "ownerId": "sam@sandbox.example", "salesUnitId": "{{unit}}" },
              "secrets": { "apiPassword": "{{sandbox.Options.ApiPassword}}" } } ] }
            """;
        System.IO.File.WriteAllText(cli.SetupPath, File("Antarctica"));

        var refused = await cli.RunAsync("setup", cli.SetupPath, "--allow-internal-urls");
        System.IO.File.WriteAllText(cli.SetupPath, File(PipelinerSandbox.SalesUnits[0].Name));
        var accepted = await cli.RunAsync("setup", cli.SetupPath, "--allow-internal-urls");

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(
            $"tandem: {cli.SetupPath}: $.accounts[0]: the fields of account 'crm' cannot be read: The setting Sales unit must be one of those Pipeliner CRM offers: "
            + string.Join(", ", PipelinerSandbox.SalesUnits.Select(u => u.Name).Order(StringComparer.CurrentCultureIgnoreCase)) + "." + Environment.NewLine,
            refused.Error);
        Assert.Equal(["account 'crm': created"], accepted.Lines);
    }

    [Fact]
    public async Task A_file_whose_second_account_is_bad_writes_not_even_the_first()
    {
        File.WriteAllText(cli.SetupPath, """{ "accounts": [ { "name": "ok", "app": "vcard-folder", "settings": { "path": "/x" } }, { "name": "bad", "app": "nope" } ] }""");

        var run = await cli.RunAsync("setup", cli.SetupPath);
        var status = await cli.RunAsync("status");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["No connections yet; add some with: tandem setup FILE"], status.Lines);
        Assert.Equal(["account 'personal': created", "account 'work': created", "connection 'personal-work': created"], (await cli.RunAsync("setup", cli.WriteSetup())).Lines);
    }
}
