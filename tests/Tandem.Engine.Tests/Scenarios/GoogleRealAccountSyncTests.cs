using Tandem.Connectors.Catalog;
using Tandem.Connectors.GoogleContacts;
using Tandem.Connectors.Http;
using Tandem.Domain.Configuration;
using Tandem.Domain.Fields;
using Tandem.Engine.Tests.Harness;
using Tandem.Sandbox;
using Tandem.Sandbox.GoogleContacts;

namespace Tandem.Engine.Tests.Scenarios;

/// <summary>
/// The engine syncing the Google sandbox with an in-memory app while Google behaves as a real account does (issue 14): a
/// contact linked to a profile changes its resource name; a create takes minutes to show in listings.
/// </summary>
public sealed class GoogleRealAccountSyncTests : IAsyncLifetime
{
    private SyncHarness h = null!;
    private GoogleContactsSandbox sandbox = null!;
    private SandboxHost? host;

    public async ValueTask InitializeAsync()
    {
        h = await SyncHarness.CreateAsync(StoreKind.Sqlite);
        h.EngineTime = h.Time;
        sandbox = new GoogleContactsSandbox(new GoogleSandboxOptions { SeedContacts = 5 }, h.Time);
        host = await SandboxHost.StartAsync(sandbox, cancellationToken: TestContext.Current.CancellationToken);
        var google = new GoogleContactsConnectorFactory(new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5) });
        var settings = new AccountSettings(new Dictionary<string, string>
        {
            ["clientId"] = sandbox.Options.ClientId,
            ["clientSecret"] = sandbox.Options.ClientSecret,
            ["refreshToken"] = sandbox.Options.DemoRefreshToken,
            ["baseUrl"] = host.BaseUri.ToString(),
            ["tokenUrl"] = new Uri(host.BaseUri, "token").ToString(),
        });
        h.ConnectA = () => google.Create(settings, new ConnectorContext(h.Time, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Allowing(host.BaseUri));
        h.Settings = new ConnectionSettings { Options = new SyncOptions { SyncDeletions = true } };
    }

    public async ValueTask DisposeAsync()
    {
        await host!.DisposeAsync();
        await h.DisposeAsync();
    }

    [Fact]
    public async Task A_contact_renamed_when_a_verified_phone_links_it_to_a_profile_keeps_its_pair_and_nothing_is_tagged_or_created()
    {
        // Linked to a profile by a verified phone: no email the engine could match the new name by.
        var old = sandbox.ResourceNames()[0];
        sandbox.EditContact(old, p =>
        {
            p.Remove("emailAddresses");
            p["names"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["givenName"] = "Rhea", ["familyName"] = "Renamed" });
        });
        await h.SyncCleanlyAsync();
        var counterpart = Assert.Single(h.B.Snapshot(), r => r.Get(StandardFieldKeys.LastName)?.Canonical == "Renamed");
        h.Time.Advance(TimeSpan.FromMinutes(1));

        // The owner adds a phone that Google verifies: the contact is linked to a profile and renamed. Meanwhile the
        // other app's user renamed the person, so nothing but the link says they are one contact.
        h.B.Set(counterpart.Id, StandardFieldKeys.LastName, Values.Text("Married"));
        sandbox.EditContact(old, p => p["phoneNumbers"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["value"] = "+32 470 12 34 56", ["type"] = "mobile" }));
        var renamed = sandbox.ChangeResourceName(old);
        await h.SyncCleanlyAsync();

        Assert.Equal(5, h.B.Snapshot().Count);
        Assert.DoesNotContain(SyncOptions.TrashTag, h.B.Get(counterpart.Id)!.Tags);
        Assert.NotNull(h.B.Get(counterpart.Id)!.Get(StandardFieldKeys.Phones));
        Assert.Equal("Married", sandbox.Person(renamed)!["names"]![0]!["familyName"]!.GetValue<string>());
        Assert.Equal(1, await h.ScalarAsync($"SELECT COUNT(*) FROM links WHERE connection_id = @c AND a_id = '{renamed}' AND b_id = '{counterpart.Id}'"));
        Assert.Equal(0, await h.ScalarAsync($"SELECT COUNT(*) FROM links WHERE connection_id = @c AND a_id = '{old}'"));
    }

    [Fact]
    public async Task A_lost_create_that_google_does_not_list_yet_is_waited_for_and_adopted_never_created_twice()
    {
        await h.SyncCleanlyAsync();
        sandbox.Faults.PropagationDelay = TimeSpan.FromMinutes(3);
        h.B.CreatePerson("Lorna", "Lost", "lorna@example.com");
        h.Time.Advance(TimeSpan.FromSeconds(15));
        sandbox.Faults.LoseResponses(1);

        _ = await h.SyncAsync();
        h.Time.Advance(TimeSpan.FromSeconds(15));
        await h.SyncCleanlyAsync();
        var whileHidden = sandbox.ContactCount;
        h.Time.Advance(TimeSpan.FromMinutes(4));
        await h.SyncCleanlyAsync();

        Assert.Equal(6, whileHidden);
        Assert.Equal(6, sandbox.ContactCount);
        Assert.Equal(6, await h.LinkCountAsync());
        Assert.Contains(await h.ActivityAsync(), a => a.Kind == "adopted");
    }
}
