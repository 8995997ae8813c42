using Tandem.Connectors.CardDav;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.GoogleContacts;
using Tandem.Connectors.HubSpot;
using Tandem.Connectors.InMemory;
using Tandem.Connectors.Mailchimp;
using Tandem.Connectors.Pipedrive;
using Tandem.Connectors.VCardFolder;
using Tandem.Connectors.Woodpecker;
using Tandem.Connectors.Wooxy;
using Tandem.Sandbox;
using Tandem.Sandbox.GoogleContacts;
using Tandem.Sandbox.HubSpot;
using Tandem.Sandbox.Mailchimp;
using Tandem.Sandbox.Pipedrive;
using Tandem.Sandbox.Woodpecker;
using Tandem.Sandbox.Wooxy;

namespace Tandem.Apps;

/// <summary>
/// The apps this build of Tandem ships with, one line each: the only place that names them. The hosts (the web
/// server, the CLI) take their catalogue and their sandboxes from here, so they agree and never name a vendor.
/// </summary>
public sealed class AppCatalog
{
    public AppCatalog(IEnumerable<AppModule> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        Modules = [.. modules];
        if (Modules.FirstOrDefault(m => m.Sandbox is { } sandbox && !string.Equals(sandbox.App, m.App, StringComparison.Ordinal)) is { } mismatched)
        {
            throw new ArgumentException($"The sandbox '{mismatched.Sandbox!.App}' is registered with the app '{mismatched.App}'.", nameof(modules));
        }

        Connectors = new ConnectorCatalog(Modules.Select(m => m.Connector));
        Sandboxes = [.. Modules.Select(m => m.Sandbox).OfType<SandboxApp>()];
    }

    public IReadOnlyList<AppModule> Modules { get; }

    /// <summary>Every app's connector, by app key.</summary>
    public ConnectorCatalog Connectors { get; }

    /// <summary>The sandboxes, in the order hosts start them (their ports follow this order).</summary>
    public IReadOnlyList<SandboxApp> Sandboxes { get; }

    /// <summary>
    /// Every app of this build. <paramref name="inMemoryApps"/> is the registry the in-memory accounts point into;
    /// null uses <see cref="InMemoryAppRegistry.Shared"/>.
    /// </summary>
    public static AppCatalog Create(InMemoryAppRegistry? inMemoryApps = null) =>
        new([
            new(new VCardFolderConnectorFactory()),
            new(new CardDavConnectorFactory()),
            new(new GoogleContactsConnectorFactory(), GoogleContactsSandboxApp.Description),
            new(new PipedriveConnectorFactory(), PipedriveSandboxApp.Description),
            new(new MailchimpConnectorFactory(), MailchimpSandboxApp.Description),
            new(new Tandem.Connectors.Pipeliner.PipelinerConnectorFactory(), Tandem.Sandbox.Pipeliner.PipelinerSandboxApp.Description),
            new(new Tandem.Connectors.Workbooks.WorkbooksConnectorFactory(), Tandem.Sandbox.Workbooks.WorkbooksSandboxApp.Description),
            new(new Tandem.Connectors.Salesmate.SalesmateConnectorFactory(), Tandem.Sandbox.Salesmate.SalesmateSandboxApp.Description),
            new(new WoodpeckerConnectorFactory(), WoodpeckerSandboxApp.Description),
            new(new WooxyConnectorFactory(), WooxySandboxApp.Description),
            new(new HubSpotConnectorFactory(), HubSpotSandboxApp.Description),
            new(new InMemoryConnectorFactory(inMemoryApps ?? InMemoryAppRegistry.Shared)),
        ]);
}
