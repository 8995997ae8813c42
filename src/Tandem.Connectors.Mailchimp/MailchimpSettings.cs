using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.Mailchimp;

/// <summary>
/// The settings of one Mailchimp audience, as its form, parser and validator: an API key (its suffix names the data
/// centre) or an OAuth access token (the data centre comes from OAuth metadata), the audience id, the status given to
/// new members, and base URLs overridable for the sandbox.
/// </summary>
internal sealed class MailchimpSettings : ISettingsRules
{
    public static readonly Uri DefaultLoginUrl = new("https://login.mailchimp.com/");

    [Setting("apiKey", "API key", Secret = true, Help = "Mailchimp > Profile > Extras > API keys. The part after the dash (such as us21) names your data centre. Leave empty when you sign in with Mailchimp instead.")]
    public string? ApiKey { get; init; }

    [Setting("accessToken", "OAuth access token", Secret = true, FilledByConsent = true, Help = "Filled in when you sign in with Mailchimp on its consent page; leave empty when you give an API key.")]
    public string? AccessToken { get; init; }

    [Setting("audienceId", "Audience ID", Required = true, Help = "Mailchimp > Audience > Settings > Audience name and defaults > Audience ID (such as a1b2c3d4e5): the audience whose members are synced.")]
    public string AudienceId { get; init; } = string.Empty;

    [Setting("newMemberStatus", "Status of new members", Help = "subscribed (default), pending (Mailchimp asks each new member to confirm) or transactional (no marketing emails).")]
    [OneOf("subscribed", "pending", "transactional")]
    public string? GivenNewMemberStatus { get; init; }

    [Setting("baseUrl", "API base URL", Help = "Leave empty for Mailchimp (https://<dc>.api.mailchimp.com/3.0/); the sandbox prints its own.")]
    public Uri? GivenBaseUrl { get; init; }

    [Setting("loginUrl", "OAuth login URL", FilledByConsent = true, Help = "Leave empty for Mailchimp (https://login.mailchimp.com/); the sandbox prints its own.")]
    public Uri? GivenLoginUrl { get; init; }

    public string NewMemberStatus => GivenNewMemberStatus ?? "subscribed";

    /// <summary>
    /// The API's address ending in <c>/3.0/</c>: the given one, else the API key's data centre's; null for an OAuth
    /// account without one (the client asks the metadata endpoint).
    /// </summary>
    public Uri? ApiBaseUrl
    {
        get
        {
            if (GivenBaseUrl is { } given)
            {
                var url = WithSlash(given);
                return url.AbsolutePath.EndsWith("/3.0/", StringComparison.Ordinal) ? url : new Uri(url, "3.0/");
            }

            return ApiKey is not null && AccessToken is null ? new Uri($"https://{DataCenter(ApiKey)}.api.mailchimp.com/3.0/") : null;
        }
    }

    public Uri LoginUrl => GivenLoginUrl is { } url ? WithSlash(url) : DefaultLoginUrl;

    /// <summary>Reads and checks the settings; errors name the setting, never its value.</summary>
    public static MailchimpSettings From(AccountSettings settings) => SettingsForm.Parse<MailchimpSettings>(settings);

    /// <summary>The data centre an API key names after its last dash ("…-us21" → "us21"), or null when it names none.</summary>
    public static string? DataCenter(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        var dash = apiKey.LastIndexOf('-');
        var dc = dash < 0 ? string.Empty : apiKey[(dash + 1)..];
        return dc.Length is > 0 and <= 10 && dc.All(char.IsAsciiLetterOrDigit) && char.IsAsciiLetter(dc[0]) ? dc.ToLowerInvariant() : null;
    }

    public IEnumerable<string> Problems(SettingLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (ApiKey is null && AccessToken is null)
        {
            yield return $"The setting {labels[nameof(ApiKey)]} or {labels[nameof(AccessToken)]} is required.";
        }

        if (ApiKey is not null && AccessToken is null && GivenBaseUrl is null && DataCenter(ApiKey) is null)
        {
            yield return $"The setting {labels[nameof(ApiKey)]} must end in its data centre, such as '-us21'.";
        }

        if (!AudienceId.All(char.IsAsciiLetterOrDigit))
        {
            yield return $"The setting {labels[nameof(AudienceId)]} must be the audience's id, such as 'a1b2c3d4e5'.";
        }
    }

    private static Uri WithSlash(Uri url) => url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");
}
