using Tandem.Connectors.CardDav;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.GoogleContacts;
using Tandem.Connectors.InMemory;
using Tandem.Connectors.Mailchimp;
using Tandem.Connectors.Pipedrive;
using Tandem.Connectors.VCardFolder;

namespace Tandem.Runtime.Catalog;

/// <summary>The apps this build of Tandem ships with. Each host (CLI, server) composes its catalogue here, so they agree.</summary>
public static class BuiltInCatalog
{
    /// <summary>
    /// A catalogue with every connector of this build. <paramref name="inMemoryApps"/> is the
    /// registry the in-memory accounts point into; null uses <see cref="InMemoryAppRegistry.Shared"/>.
    /// </summary>
    public static ConnectorCatalog Create(InMemoryAppRegistry? inMemoryApps = null) =>
        new([
            new VCardFolderConnectorFactory(),
            new CardDavConnectorFactory(),
            new GoogleContactsConnectorFactory(),
            new PipedriveConnectorFactory(),
            new MailchimpConnectorFactory(),
            new InMemoryConnectorFactory(inMemoryApps ?? InMemoryAppRegistry.Shared),
        ]);
}
