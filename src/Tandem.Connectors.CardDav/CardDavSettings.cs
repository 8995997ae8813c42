using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.CardDav;

/// <summary>The settings of one CardDAV account, validated. Errors name the setting, never its value.</summary>
internal sealed record CardDavSettings(Uri ServerUrl, string UserName, string Password, string? AddressBook, ChangeFeedMode ChangeFeed, string? DefaultRegion)
{
    public const string UrlKey = "url";
    public const string UserNameKey = "username";
    public const string PasswordKey = "password";
    public const string AddressBookKey = "addressBook";
    public const string ChangeFeedKey = "changeFeed";
    public const string DefaultRegionKey = "defaultRegion";

    public static CardDavSettings From(AccountSettings settings)
    {
        var url = settings.Require(UrlKey).Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConnectorSettingsException($"The setting '{UrlKey}' must be an http:// or https:// address.");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw new ConnectorSettingsException($"The setting '{UrlKey}' must not contain a user name or password; use the '{UserNameKey}' and '{PasswordKey}' settings.");
        }

        var mode = settings.Get(ChangeFeedKey)?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sync-token" => ChangeFeedMode.SyncToken,
            "etag" or "etag-listing" => ChangeFeedMode.EtagListing,
            _ => throw new ConnectorSettingsException($"The setting '{ChangeFeedKey}' must be 'sync-token' or 'etag-listing'."),
        };

        var region = settings.Get(DefaultRegionKey)?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(region))
        {
            region = null;
        }
        else if (region.Length != 2 || !region.All(char.IsAsciiLetterUpper))
        {
            throw new ConnectorSettingsException($"The setting '{DefaultRegionKey}' must be a two-letter region code such as BE or US.");
        }

        var book = settings.Get(AddressBookKey)?.Trim();
        return new CardDavSettings(
            uri,
            settings.Require(UserNameKey),
            settings.Require(PasswordKey),
            string.IsNullOrEmpty(book) ? null : book,
            mode,
            region);
    }
}
