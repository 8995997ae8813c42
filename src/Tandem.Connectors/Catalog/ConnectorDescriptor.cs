using Tandem.Connectors.Contract;

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

    /// <summary>How an account is authorised on the provider's consent page, or null when the app has none.</summary>
    public OAuthDescription? OAuth { get; init; }
}
