using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.HubSpot;

/// <summary>
/// The settings of one HubSpot account (portal), as its form, parser and validator: either a private app's access token
/// (secret) or an OAuth app's client id and secret with the portal's refresh token, and where calls go.
/// </summary>
internal sealed class HubSpotSettings : ISettingsRules
{
    public static readonly Uri HubSpotBaseUrl = new("https://api.hubapi.com/");

    public static readonly Uri HubSpotTokenUrl = new("https://api.hubapi.com/oauth/v1/token");

    [Setting("accessToken", "Private app access token", Secret = true, Help = "HubSpot > Settings > Integrations > Private apps > your app > Auth > Access token (scopes crm.objects.contacts.read/write, crm.schemas.contacts.read/write, crm.lists.read/write, crm.objects.owners.read, communication_preferences.read_write). Leave empty when you connect with OAuth below.")]
    public string? AccessToken { get; init; }

    [Setting("clientId", "OAuth client ID", FilledByConsent = true, Help = "Instead of a private app: your public app in HubSpot's developer account > Auth > Client ID.")]
    public string? ClientId { get; init; }

    [Setting("clientSecret", "OAuth client secret", Secret = true, FilledByConsent = true, Help = "Shown next to the client ID (a private app shows its client secret on its Auth tab). HubSpot signs the app's webhooks with it, so give it for webhooks with a private app token too.")]
    public string? ClientSecret { get; init; }

    [Setting("refreshToken", "Refresh token", Secret = true, FilledByConsent = true, Help = "Filled in when the portal installs the app on HubSpot's consent page.")]
    public string? RefreshToken { get; init; }

    [Setting("defaultRegion", "Default phone region", Help = "The two-letter country code (such as BE or US) of phone numbers written without a country code.")]
    [RegionCode]
    public string? DefaultRegion { get; init; }

    [Setting("baseUrl", "API base URL", Help = "Leave empty for HubSpot (https://api.hubapi.com/); the sandbox prints its own.")]
    public Uri? GivenBaseUrl { get; init; }

    [Setting("tokenUrl", "Token URL", FilledByConsent = true, Help = "Leave empty for HubSpot (https://api.hubapi.com/oauth/v1/token); the sandbox prints its own.")]
    public Uri? GivenTokenUrl { get; init; }

    /// <summary>True for an OAuth account (the private app token is then not used, even when both are given).</summary>
    public bool UsesOAuth => RefreshToken is not null;

    public Uri BaseUrl => GivenBaseUrl is { } url ? (url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/")) : HubSpotBaseUrl;

    public Uri TokenUrl => GivenTokenUrl ?? HubSpotTokenUrl;

    /// <summary>Reads and checks the settings; errors name the setting, never its value.</summary>
    public static HubSpotSettings From(AccountSettings settings) => SettingsForm.Parse<HubSpotSettings>(settings);

    public IEnumerable<string> Problems(SettingLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (RefreshToken is not null)
        {
            if (ClientId is null)
            {
                yield return $"The setting {labels[nameof(ClientId)]} is required with a refresh token.";
            }

            if (ClientSecret is null)
            {
                yield return $"The setting {labels[nameof(ClientSecret)]} is required with a refresh token.";
            }
        }
        else if (AccessToken is null)
        {
            yield return $"Give either the setting {labels[nameof(AccessToken)]} or the OAuth settings {labels[nameof(ClientId)]}, {labels[nameof(ClientSecret)]} and {labels[nameof(RefreshToken)]}.";
        }
    }
}
