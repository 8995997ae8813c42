using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.Woodpecker;

/// <summary>The settings of one Woodpecker account, as its form, parser and validator: the API key, and where calls go.</summary>
internal sealed class WoodpeckerSettings
{
    public static readonly Uri DefaultBaseUrl = new("https://api.woodpecker.co/");

    [Setting("apiKey", "API key", Required = true, Secret = true, Help = "Woodpecker > Marketplace > Integrations > API keys (part of the API Key and Integrations add-on): create a key and paste it here.")]
    public string ApiKey { get; init; } = string.Empty;

    [Setting("baseUrl", "API base URL", Help = "Leave empty for Woodpecker (https://api.woodpecker.co/); the sandbox prints its own.")]
    public Uri? GivenBaseUrl { get; init; }

    /// <summary>Where calls go, ending in a slash; the paths below it are <c>rest/v1/…</c>.</summary>
    public Uri BaseUrl => GivenBaseUrl is { } url ? (url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/")) : DefaultBaseUrl;

    /// <summary>Reads and checks the settings; errors name the setting, never its value.</summary>
    public static WoodpeckerSettings From(AccountSettings settings) => SettingsForm.Parse<WoodpeckerSettings>(settings);
}
