using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.Pipedrive;

/// <summary>
/// The settings of one Pipedrive company, validated: either the API token (secret) or an OAuth app's client id and
/// secret with the company's refresh token, and the base URL (company domain, OAuth <c>api_domain</c>, or sandbox).
/// </summary>
internal sealed record PipedriveSettings(string? ApiToken, PipedriveOAuth? OAuth, Uri BaseUrl)
{
    /// <summary>
    /// True for an OAuth account whose settings name neither <c>baseUrl</c> nor <c>companyDomain</c>: its calls go to
    /// the <c>api_domain</c> of the token answer (<see cref="BaseUrl"/> is then only the fallback).
    /// </summary>
    public bool UsesApiDomain { get; init; }

    public const string ApiTokenKey = "apiToken";
    public const string ClientIdKey = "clientId";
    public const string ClientSecretKey = "clientSecret";
    public const string RefreshTokenKey = "refreshToken";
    public const string TokenUrlKey = "tokenUrl";

    public static readonly Uri PipedriveTokenUrl = new("https://oauth.pipedrive.com/oauth/token");
    public const string CompanyDomainKey = "companyDomain";
    public const string BaseUrlKey = "baseUrl";

    public static readonly Uri DefaultBaseUrl = new("https://api.pipedrive.com/");

    /// <summary>Reads and checks the settings; errors name the setting, never its value.</summary>
    public static PipedriveSettings From(AccountSettings settings)
    {
        var token = settings.Get(ApiTokenKey)?.Trim();
        var refresh = settings.Get(RefreshTokenKey)?.Trim();
        PipedriveOAuth? oauth = null;
        if (!string.IsNullOrEmpty(refresh))
        {
            var tokenText = settings.Get(TokenUrlKey)?.Trim();
            var tokenUrl = PipedriveTokenUrl;
            if (!string.IsNullOrEmpty(tokenText)
                && (!Uri.TryCreate(tokenText, UriKind.Absolute, out tokenUrl) || (tokenUrl.Scheme != Uri.UriSchemeHttps && tokenUrl.Scheme != Uri.UriSchemeHttp)))
            {
                throw new ConnectorSettingsException($"The setting '{TokenUrlKey}' must be an absolute http(s) URL.");
            }

            oauth = new PipedriveOAuth(settings.Require(ClientIdKey).Trim(), settings.Require(ClientSecretKey).Trim(), refresh, tokenUrl);
        }
        else if (string.IsNullOrEmpty(token))
        {
            throw new ConnectorSettingsException($"Give either the setting '{ApiTokenKey}' or the OAuth settings '{ClientIdKey}', '{ClientSecretKey}' and '{RefreshTokenKey}'.");
        }

        var baseUrl = settings.Get(BaseUrlKey)?.Trim();
        var domain = settings.Get(CompanyDomainKey)?.Trim();
        Uri url;
        if (!string.IsNullOrEmpty(baseUrl))
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
            {
                throw new ConnectorSettingsException($"The setting '{BaseUrlKey}' must be an absolute http(s) URL.");
            }

            url = parsed.AbsolutePath.EndsWith('/') ? parsed : new Uri(parsed + "/");
        }
        else if (!string.IsNullOrEmpty(domain))
        {
            if (!domain.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                throw new ConnectorSettingsException($"The setting '{CompanyDomainKey}' must be the company's subdomain, such as 'acme' for acme.pipedrive.com.");
            }

            url = new Uri($"https://{domain}.pipedrive.com/");
        }
        else
        {
            url = DefaultBaseUrl;
        }

        // With OAuth the API token is not used, even when both are given.
        return new PipedriveSettings(oauth is null ? token : null, oauth, url)
        {
            UsesApiDomain = oauth is not null && string.IsNullOrEmpty(baseUrl) && string.IsNullOrEmpty(domain),
        };
    }
}

/// <summary>An OAuth app (client id and secret, sent as HTTP Basic to the token URL) and the company's refresh token.</summary>
internal sealed record PipedriveOAuth(string ClientId, string ClientSecret, string RefreshToken, Uri TokenUrl)
{
    /// <summary>Keeps the secrets out of logs and exception messages.</summary>
    public override string ToString() => $"PipedriveOAuth {{ TokenUrl = {TokenUrl} }}";
}
