using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.Wooxy;

/// <summary>The settings of one Wooxy contact list, as its form, parser and validator.</summary>
internal sealed class WooxySettings
{
    public static readonly Uri WooxyBaseUrl = new("https://api.wooxy.com/");

    /// <summary>Every domain has this list; the seed's integration syncs into it.</summary>
    public const string DefaultContactList = "Default Contact List";

    [Setting("accessToken", "Access token", Required = true, Secret = true, Help = "Wooxy > Settings > API: the API access token (sent as the Access-Token header).")]
    public string AccessToken { get; init; } = string.Empty;

    [Setting("domain", "Domain", Required = true, Help = "The verified sending domain whose contact lists you sync (such as example.com), as Wooxy > Domains lists it.")]
    public string Domain { get; init; } = string.Empty;

    [Setting("contactList", "Contact list", Help = "The name of the contact list contacts are added to; leave empty for the Default Contact List.")]
    public string? GivenContactList { get; init; }

    [Setting("defaultRegion", "Default phone region", Help = "The two-letter country code (such as BE or US) of phone numbers written without a country code.")]
    [RegionCode]
    public string? DefaultRegion { get; init; }

    [Setting("baseUrl", "API base URL", Help = "Leave empty for Wooxy (https://api.wooxy.com/); the sandbox prints its own.")]
    public Uri? GivenBaseUrl { get; init; }

    public string ContactList => string.IsNullOrWhiteSpace(GivenContactList) ? DefaultContactList : GivenContactList.Trim();

    /// <summary>The API's address, ending in a slash (the paths start with <c>v3/</c>).</summary>
    public Uri BaseUrl => GivenBaseUrl is { } url ? (url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/")) : WooxyBaseUrl;

    /// <summary>Reads and checks the settings; errors name the setting, never its value.</summary>
    public static WooxySettings From(AccountSettings settings) => SettingsForm.Parse<WooxySettings>(settings);
}
