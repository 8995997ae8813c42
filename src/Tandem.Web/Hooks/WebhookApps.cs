using Tandem.Connectors.Catalog;
using Tandem.Connectors.Webhooks;

namespace Tandem.Web.Hooks;

/// <summary>The apps of the catalogue that push their changes, each with the verifier its own connector describes.</summary>
public sealed class WebhookApps(ConnectorCatalog catalog)
{
    /// <summary>The app's key as the catalogue spells it and its verifier; null for an unknown app or one without webhooks.</summary>
    public (string App, IWebhookVerifier Verifier)? Find(string app) =>
        catalog.Apps.FirstOrDefault(d => string.Equals(d.App, app, StringComparison.OrdinalIgnoreCase)) is { Webhooks: { } verifier } descriptor
            ? (descriptor.App, verifier)
            : null;
}
