using Tandem.Connectors.Contract;
using Tandem.Connectors.Webhooks;

namespace Tandem.Connectors.Catalog;

/// <summary>An app in the catalogue: its name, what it needs to authorise, what it can do.</summary>
/// <param name="App">The app's stable key ("vcard-folder", "google-contacts").</param>
/// <param name="DisplayName">The name users see.</param>
public sealed record ConnectorDescriptor(string App, string DisplayName)
{
    public IReadOnlyList<SettingField> Settings { get; init; } = [];

    public ConnectorCapabilities Capabilities { get; init; } = new();

    /// <summary>True when authorisation goes through the provider's OAuth consent page.</summary>
    public bool UsesOAuth { get; init; }

    /// <summary>How the app's webhooks are verified, read and set up; null when the app cannot push its changes.</summary>
    public IWebhookVerifier? Webhooks { get; init; }
}
