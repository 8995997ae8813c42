using System.Globalization;
using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.Workbooks;

/// <summary>
/// The settings of one Workbooks database, as its form, parser and validator: an API key (sent with every request), or
/// a user's login name and password for a <c>login.api</c> session, with the database to open when the login reaches
/// several; and where calls go (secure.workbooks.com, or a given base URL such as the sandbox's).
/// </summary>
internal sealed class WorkbooksSettings : ISettingsRules
{
    public static readonly Uri WorkbooksBaseUrl = new("https://secure.workbooks.com/");

    [Setting("apiKey", "API key", Secret = true, Help = "In Workbooks: Start > Configuration > Email & Integration > API Keys. Leave empty when you log in with your user name and password below.")]
    public string? ApiKey { get; init; }

    [Setting("username", "Login name", Help = "Instead of an API key: the email address you log into Workbooks with.")]
    public string? Username { get; init; }

    [Setting("password", "Password", Secret = true, Help = "Your Workbooks password, with the login name.")]
    public string? Password { get; init; }

    [Setting("databaseId", "Database", Choices = true, Help = "Only when your login reaches several Workbooks databases: pick the one to sync (or give its name or number).")]
    public string? DatabaseId { get; init; }

    [Setting("baseUrl", "API base URL", Help = "Leave empty for Workbooks (https://secure.workbooks.com/); the sandbox prints its own.")]
    public Uri? GivenBaseUrl { get; init; }

    /// <summary>Where calls go, ending in a slash.</summary>
    public Uri BaseUrl => GivenBaseUrl is { } url ? (url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/")) : WorkbooksBaseUrl;

    /// <summary>True when the connector logs in (<c>login.api</c>) instead of sending the API key with every request.</summary>
    public bool UsesSession => ApiKey is null;

    /// <summary>Reads and checks the settings; errors name the setting, never its value.</summary>
    public static WorkbooksSettings From(AccountSettings settings) => SettingsForm.Parse<WorkbooksSettings>(settings);

    public IEnumerable<string> Problems(SettingLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (ApiKey is null && (Username is null || Password is null))
        {
            yield return $"Give either the setting {labels[nameof(ApiKey)]} or both {labels[nameof(Username)]} and {labels[nameof(Password)]}.";
        }

    }
}
