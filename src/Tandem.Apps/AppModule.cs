using Tandem.Connectors.Catalog;
using Tandem.Sandbox;

namespace Tandem.Apps;

/// <summary>
/// One app of this build: its connector (settings form, capabilities, OAuth description, all in the connector's own
/// project) and, where one exists, its simulated app (described in its folder of Tandem.Sandbox).
/// </summary>
/// <param name="Connector">Creates the app's connectors and describes the app.</param>
/// <param name="Sandbox">The app's sandbox, or null when it has none.</param>
public sealed record AppModule(IConnectorFactory Connector, SandboxApp? Sandbox = null)
{
    /// <summary>The app's key.</summary>
    public string App => Connector.Descriptor.App;
}
