using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.Mailchimp;

/// <summary>
/// The settings of one Mailchimp audience, validated: an API key (its suffix names the data centre) or an OAuth access
/// token (the data centre comes from OAuth metadata), the audience id, the status given to new members, and base URLs
/// overridable for the sandbox.
/// </summary>
internal sealed record MailchimpSettings(string? ApiKey, string? AccessToken, string AudienceId, string NewMemberStatus, Uri? ApiBaseUrl, Uri LoginUrl)
{
    public const string ApiKeyKey = "apiKey";
    public const string AccessTokenKey = "accessToken";
    public const string AudienceIdKey = "audienceId";
    public const string NewMemberStatusKey = "newMemberStatus";
    public const string BaseUrlKey = "baseUrl";
    public const string LoginUrlKey = "loginUrl";

    public static readonly Uri DefaultLoginUrl = new("https://login.mailchimp.com/");

    private static readonly string[] NewStatuses = ["subscribed", "pending", "transactional"];

    /// <summary>Reads and checks the settings; errors name the setting, never its value.</summary>
    public static MailchimpSettings From(AccountSettings settings)
    {
        var key = Optional(settings, ApiKeyKey);
        var token = Optional(settings, AccessTokenKey);
        if (key is null && token is null)
        {
            throw new ConnectorSettingsException($"The setting '{ApiKeyKey}' or '{AccessTokenKey}' is required.");
        }

        var audience = settings.Require(AudienceIdKey).Trim();
        if (!audience.All(char.IsAsciiLetterOrDigit))
        {
            throw new ConnectorSettingsException($"The setting '{AudienceIdKey}' must be the audience's id, such as 'a1b2c3d4e5'.");
        }

        var status = Optional(settings, NewMemberStatusKey) ?? "subscribed";
        if (!NewStatuses.Contains(status))
        {
            throw new ConnectorSettingsException($"The setting '{NewMemberStatusKey}' must be one of {string.Join(", ", NewStatuses)}.");
        }

        var baseUrl = Url(settings, BaseUrlKey);
        if (baseUrl is not null && !baseUrl.AbsolutePath.EndsWith("/3.0/", StringComparison.Ordinal))
        {
            baseUrl = new Uri(baseUrl, "3.0/");
        }

        if (baseUrl is null && key is not null && token is null)
        {
            baseUrl = new Uri($"https://{DataCenter(key)}.api.mailchimp.com/3.0/");
        }

        return new MailchimpSettings(key, token, audience, status, baseUrl, Url(settings, LoginUrlKey) ?? DefaultLoginUrl);
    }

    /// <summary>The data centre an API key names after its last dash ("…-us21" → "us21").</summary>
    public static string DataCenter(string apiKey)
    {
        var dash = apiKey.LastIndexOf('-');
        var dc = dash < 0 ? string.Empty : apiKey[(dash + 1)..];
        return dc.Length is > 0 and <= 10 && dc.All(char.IsAsciiLetterOrDigit) && char.IsAsciiLetter(dc[0])
            ? dc.ToLowerInvariant()
            : throw new ConnectorSettingsException($"The setting '{ApiKeyKey}' must end in its data centre, such as '-us21'.");
    }

    private static string? Optional(AccountSettings settings, string key) =>
        settings.Get(key)?.Trim() is { Length: > 0 } value ? value : null;

    private static Uri? Url(AccountSettings settings, string key)
    {
        if (Optional(settings, key) is not { } text)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConnectorSettingsException($"The setting '{key}' must be an absolute http(s) URL.");
        }

        return parsed.AbsolutePath.EndsWith('/') ? parsed : new Uri(parsed + "/");
    }
}
