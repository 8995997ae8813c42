using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.GoogleContacts;

/// <summary>The settings of one Google Contacts account, as its form, parser and validator.</summary>
internal sealed class GoogleContactsSettings
{
    public static readonly Uri GoogleBaseUrl = new("https://people.googleapis.com/");
    public static readonly Uri GoogleTokenUrl = new("https://oauth2.googleapis.com/token");

    [Setting("clientId", "OAuth client ID", Required = true, FilledByConsent = true, Help = "Google Cloud console > APIs & Services > Credentials > OAuth 2.0 Client IDs (enable the People API first).")]
    public string ClientId { get; init; } = string.Empty;

    [Setting("clientSecret", "OAuth client secret", Required = true, Secret = true, FilledByConsent = true, Help = "Shown next to the client ID in the Google Cloud console.")]
    public string ClientSecret { get; init; } = string.Empty;

    [Setting("refreshToken", "Refresh token", Required = true, Secret = true, FilledByConsent = true, Help = "Filled in when you sign in with Google on the consent page (scope https://www.googleapis.com/auth/contacts).")]
    public string RefreshToken { get; init; } = string.Empty;

    [Setting("defaultRegion", "Default phone region", Help = "The two-letter country code (such as BE or US) of phone numbers written without a country code.")]
    [RegionCode]
    public string? DefaultRegion { get; init; }

    [Setting("baseUrl", "API base URL", Help = "Leave empty for Google (https://people.googleapis.com/); the sandbox prints its own.")]
    public Uri? GivenBaseUrl { get; init; }

    [Setting("tokenUrl", "Token URL", FilledByConsent = true, Help = "Leave empty for Google (https://oauth2.googleapis.com/token); the sandbox prints its own.")]
    public Uri? GivenTokenUrl { get; init; }

    /// <summary>The People API's address, ending in a slash.</summary>
    public Uri BaseUrl => GivenBaseUrl is { } url ? (url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/")) : GoogleBaseUrl;

    public Uri TokenUrl => GivenTokenUrl ?? GoogleTokenUrl;

    /// <summary>Reads and checks the settings; errors name the setting, never its value.</summary>
    public static GoogleContactsSettings From(AccountSettings settings) => SettingsForm.Parse<GoogleContactsSettings>(settings);
}
