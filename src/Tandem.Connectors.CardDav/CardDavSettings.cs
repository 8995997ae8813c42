using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.CardDav;

/// <summary>The settings of one CardDAV account, as its form, parser and validator. Errors name the setting, never its value.</summary>
internal sealed class CardDavSettings : ISettingsRules
{
    [Setting("url", "Server address", Required = true, Help = "The address of the CardDAV server (https://dav.example.com), or of the address book itself.")]
    public Uri ServerUrl { get; init; } = null!; // required: the binder sets it or refuses the settings

    [Setting("username", "User name", Required = true, Help = "Your user name on that server.")]
    public string UserName { get; init; } = string.Empty;

    [Setting("password", "Password", Required = true, Secret = true, Help = "Your password, or an app password where the provider issues them (iCloud, Fastmail, Nextcloud).")]
    public string Password { get; init; } = string.Empty;

    [Setting("addressBook", "Address book", Help = "The address book to sync, by name. Leave empty to be shown the ones offered.")]
    public string? AddressBook { get; init; }

    [Setting("changeFeed", "Change detection", Help = "'sync-token' (default) or 'etag-listing' for servers without sync-collection.")]
    [OneOf("sync-token", "etag-listing", "etag")]
    public string? GivenChangeFeed { get; init; }

    [Setting("defaultRegion", "Default phone region", Help = "The two-letter country code of phone numbers written without a country code.")]
    [RegionCode]
    public string? DefaultRegion { get; init; }

    public ChangeFeedMode ChangeFeed => GivenChangeFeed is null or "sync-token" ? ChangeFeedMode.SyncToken : ChangeFeedMode.EtagListing;

    /// <summary>How messages name these settings.</summary>
    public static SettingLabels Labels => SettingsForm.Labels<CardDavSettings>();

    public static CardDavSettings From(AccountSettings settings) => SettingsForm.Parse<CardDavSettings>(settings);

    public IEnumerable<string> Problems(SettingLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (ServerUrl.UserInfo.Length > 0)
        {
            yield return $"The setting {labels[nameof(ServerUrl)]} must not contain a user name or password; use the settings {labels[nameof(UserName)]} and {labels[nameof(Password)]}.";
        }
    }
}
