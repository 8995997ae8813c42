using Tandem.Connectors.Catalog;
using Tandem.Connectors.GoogleContacts;
using Tandem.Connectors.Http;
using Tandem.Connectors.VCardFolder;
using Tandem.Domain.Configuration;
using Tandem.Engine.Tests.Harness;
using Tandem.Sandbox;
using Tandem.Sandbox.GoogleContacts;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>The engine syncing the Google Contacts sandbox (over HTTP on 127.0.0.1) with a vCard folder.</summary>
public sealed class GoogleContactsSyncTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "tandem-google-sync", Guid.NewGuid().ToString("N"));
    private readonly GoogleContactsSandbox sandbox = new(new GoogleSandboxOptions { SeedContacts = 12 });
    private SandboxHost? host;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        host = await SandboxHost.StartAsync(sandbox, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await host!.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Google_contacts_reach_the_folder_edits_flow_back_and_a_deletion_tags_the_card()
    {
        await using var h = await CreateAsync();
        h.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true } };

        await h.SyncCleanlyAsync();
        var quiet = await h.SyncCleanlyAsync();
        Assert.Equal(12, Directory.GetFiles(folder, "*.vcf").Length);
        Assert.Equal(0, quiet.WriteCalls);

        var first = sandbox.ResourceNames()[0];
        var email = sandbox.Person(first)!["emailAddresses"]![0]!["value"]!.GetValue<string>();
        var card = Directory.GetFiles(folder, "*.vcf").Single(f => File.ReadAllText(f).Contains(email, StringComparison.Ordinal));
        var lines = File.ReadAllText(card).Split("\r\n").Where(l => !l.StartsWith("TITLE", StringComparison.Ordinal));
        File.WriteAllText(card, string.Join("\r\n", lines).Replace("END:VCARD", "TITLE:Head of Sync\r\nEND:VCARD", StringComparison.Ordinal));
        await h.SyncCleanlyAsync();
        Assert.Equal("Head of Sync", sandbox.Person(first)!["organizations"]![0]!["title"]!.GetValue<string>());

        sandbox.DeleteContact(first);
        await h.SyncCleanlyAsync();
        Assert.Contains(SyncOptions.TrashTag, File.ReadAllText(card), StringComparison.Ordinal);
        Assert.Equal(0, (await h.SyncCleanlyAsync()).WriteCalls);
    }

    private async Task<SyncHarness> CreateAsync()
    {
        var h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        var google = new GoogleContactsConnectorFactory(new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5) });
        var settings = new AccountSettings(new Dictionary<string, string>
        {
            ["clientId"] = sandbox.Options.ClientId,
            ["clientSecret"] = sandbox.Options.ClientSecret,
            ["refreshToken"] = sandbox.Options.DemoRefreshToken,
            ["baseUrl"] = host!.BaseUri.ToString(),
            ["tokenUrl"] = new Uri(host.BaseUri, "token").ToString(),
        });
        var vcard = new VCardFolderConnectorFactory();
        h.ConnectA = () => google.Create(settings, ConnectorContext.Default.Allowing(host.BaseUri));
        h.ConnectB = () => vcard.Create(new AccountSettings(new Dictionary<string, string> { ["path"] = folder }), ConnectorContext.Default);
        return h;
    }
}
