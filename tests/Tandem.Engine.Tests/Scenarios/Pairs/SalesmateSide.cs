using Tandem.Connectors.Catalog;
using Tandem.Connectors.Contract;
using Tandem.Connectors.Http;
using Tandem.Connectors.Salesmate;
using Tandem.Domain.Fields;
using Tandem.Sandbox;
using Tandem.Sandbox.Salesmate;

namespace Tandem.Engine.Tests.Scenarios.Pairs;

/// <summary>
/// Salesmate: the Salesmate sandbox over HTTP on 127.0.0.1, no contacts at the start (its demo custom fields, one of
/// each type, are there). Salesmate has no change feed: every run after the first lists every contact's version.
/// </summary>
public sealed class SalesmateSide : AppSide
{
    private static readonly RetryOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };
    private readonly (string First, string Second)? textFields;
    private SandboxHost? host;

    /// <param name="textFields">The text fields the pair's cases edit, when the other app has no notes (Woodpecker): job title and company.</param>
    public SalesmateSide((string First, string Second)? textFields = null) => this.textFields = textFields;

    public override (string First, string Second) TextFields => textFields ?? base.TextFields;

    public SalesmateSandbox Sandbox { get; } = new(new SalesmateSandboxOptions { SeedContacts = 0 });

    public override string App => "salesmate";

    public override async Task StartAsync() => host = await SandboxHost.StartAsync(Sandbox, cancellationToken: Ct);

    public override IContactConnector Connect() => new SalesmateConnectorFactory(Fast).Create(new AccountSettings(new Dictionary<string, string>
    {
        ["linkName"] = Sandbox.Options.LinkName,
        ["accessToken"] = Sandbox.Options.SessionKey,
        ["baseUrl"] = host!.BaseUri.ToString(),
    }), ConnectorContext.Default.Allowing(host.BaseUri));

    /// <summary>A user deletes the contact in Salesmate (Tandem never deletes Salesmate contacts).</summary>
    public override Task DeleteAsync(string id)
    {
        Sandbox.DeleteContact(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    /// <summary>A contact has one email address.</summary>
    protected override FieldValue EmailValue(string email) => Values.Email(email);

    /// <summary>The record key of a custom field of the demo account by its API name ("textCustomField1").</summary>
    public static string Custom(string apiName) => SalesmateFieldKeys.CustomPrefix + apiName;

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
