using Tandem.Connectors.Contract;
using Tandem.Connectors.Cost;
using Tandem.Connectors.Vocabulary;
using Tandem.Connectors.Webhooks;

namespace Tandem.Connectors.Catalog;

/// <summary>An app in the catalogue: its name, what it needs to authorise, what it can do.</summary>
/// <param name="App">The app's stable key ("vcard-folder", "google-contacts").</param>
/// <param name="DisplayName">The name users see.</param>
public sealed record ConnectorDescriptor(string App, string DisplayName)
{
    private readonly RuleVocabulary? vocabulary;

    public IReadOnlyList<SettingField> Settings { get; init; } = [];

    public ConnectorCapabilities Capabilities { get; init; } = new();

    /// <summary>What the app's API calls cost and how often it may be polled (<see cref="CostModel.PerRequest"/> unless the app says).</summary>
    public CostModel Cost { get; init; } = CostModel.PerRequest;

    /// <summary>How the app's webhooks are verified, read and set up; null when the app cannot push its changes.</summary>
    public IWebhookVerifier? Webhooks { get; init; }

    /// <summary>
    /// The app's filters and actions in its own words; an app that does not say gets the standard words for its
    /// capabilities, tags named after <see cref="ConnectorCapabilities.TagContainer"/>.
    /// </summary>
    public RuleVocabulary Vocabulary
    {
        get => vocabulary ?? RuleVocabulary.Standard(Capabilities);
        init => vocabulary = value;
    }

    /// <summary>True when authorisation goes through the provider's OAuth consent page.</summary>
    public bool UsesOAuth { get; init; }

    /// <summary>How an account is authorised on the provider's consent page, or null when the app has none.</summary>
    public OAuthDescription? OAuth { get; init; }
}
