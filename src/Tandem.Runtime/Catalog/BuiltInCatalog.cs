using Tandem.Connectors.Catalog;
using Tandem.Connectors.InMemory;
using Tandem.Connectors.VCardFolder;

namespace Tandem.Runtime.Catalog;

/// <summary>The apps this build of Tandem ships with. Each host (CLI, server) composes its catalogue here, so they agree.</summary>
public static class BuiltInCatalog
{
    /// <summary>
    /// A catalogue with the vCard-folder and in-memory connectors. <paramref name="inMemoryApps"/> is the
    /// registry the in-memory accounts point into; null uses <see cref="InMemoryAppRegistry.Shared"/>.
    /// </summary>
    public static ConnectorCatalog Create(InMemoryAppRegistry? inMemoryApps = null) =>
        new([
            new VCardFolderConnectorFactory(),
            new InMemoryConnectorFactory(inMemoryApps ?? InMemoryAppRegistry.Shared),
        ]);
}
