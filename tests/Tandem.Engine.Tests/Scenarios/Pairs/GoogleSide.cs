using System.Text.Json.Nodes;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.GoogleContacts;
using Tandem.Connectors.Http;
using Tandem.Sandbox;
using Tandem.Sandbox.GoogleContacts;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>Google Contacts: the Google sandbox over HTTP on 127.0.0.1, empty at the start.</summary>
public sealed class GoogleSide : AppSide
{
    private static readonly RetryOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };
    private SandboxHost? host;

    public GoogleContactsSandbox Sandbox { get; } = new(new GoogleSandboxOptions { SeedContacts = 0 });

    public override string App => "google-contacts";

    public override async Task StartAsync() => host = await SandboxHost.StartAsync(Sandbox, cancellationToken: Ct);

    public override IContactConnector Connect() => new GoogleContactsConnectorFactory(Fast).Create(new AccountSettings(new Dictionary<string, string>
    {
        ["clientId"] = Sandbox.Options.ClientId,
        ["clientSecret"] = Sandbox.Options.ClientSecret,
        ["refreshToken"] = Sandbox.Options.DemoRefreshToken,
        ["baseUrl"] = host!.BaseUri.ToString(),
        ["tokenUrl"] = new Uri(host.BaseUri, "token").ToString(),
    }), ConnectorContext.Default.Allowing(host.BaseUri));

    /// <summary>The Google connector never deletes (Tandem does not delete Google contacts): the user deletes in Google.</summary>
    public override Task DeleteAsync(string id)
    {
        Sandbox.DeleteContact(id);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Gives a contact userDefined entries in the Google app (Google offers a userDefined key as a field once a contact
    /// uses it, as a user would have set up before mapping it).
    /// </summary>
    public void DefineUserFields(string id, params string[] keys) => Sandbox.EditContact(id, p =>
        p["userDefined"] = new JsonArray(keys.Select(k => (JsonNode)new JsonObject { ["key"] = k, ["value"] = "-" }).ToArray()));

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
