using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.GoogleContacts;

/// <summary>The settings of one Google Contacts account, validated.</summary>
internal sealed record GoogleContactsSettings(string ClientId, string ClientSecret, string RefreshToken, Uri BaseUrl, Uri TokenUrl, string? DefaultRegion)
{
    public const string ClientIdKey = "clientId";
    public const string ClientSecretKey = "clientSecret";
    public const string RefreshTokenKey = "refreshToken";
    public const string BaseUrlKey = "baseUrl";
    public const string TokenUrlKey = "tokenUrl";
    public const string DefaultRegionKey = "defaultRegion";

    public static readonly Uri GoogleBaseUrl = new("https://people.googleapis.com/");
    public static readonly Uri GoogleTokenUrl = new("https://oauth2.googleapis.com/token");

    /// <summary>Reads and checks the settings; errors name the setting, never its value.</summary>
    public static GoogleContactsSettings From(AccountSettings settings)
    {
        var region = settings.Get(DefaultRegionKey)?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(region) && (region.Length != 2 || !region.All(char.IsAsciiLetterUpper)))
        {
            throw new ConnectorSettingsException($"The setting '{DefaultRegionKey}' must be a two-letter region code such as BE or US.");
        }

        return new GoogleContactsSettings(
            settings.Require(ClientIdKey).Trim(),
            settings.Require(ClientSecretKey).Trim(),
            settings.Require(RefreshTokenKey).Trim(),
            Url(settings, BaseUrlKey, GoogleBaseUrl),
            Url(settings, TokenUrlKey, GoogleTokenUrl),
            string.IsNullOrEmpty(region) ? null : region);
    }

    private static Uri Url(AccountSettings settings, string key, Uri fallback)
    {
        var text = settings.Get(key)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConnectorSettingsException($"The setting '{key}' must be an absolute http(s) URL.");
        }

        return key == BaseUrlKey && !url.AbsolutePath.EndsWith('/') ? new Uri(url + "/") : url;
    }
}
