using Tandem.Connectors.Catalog;

namespace Tandem.Connectors.Pipedrive;

/// <summary>The settings of one Pipedrive company, validated: the API token (secret) and the base URL (company domain or sandbox).</summary>
internal sealed record PipedriveSettings(string ApiToken, Uri BaseUrl)
{
    public const string ApiTokenKey = "apiToken";
    public const string CompanyDomainKey = "companyDomain";
    public const string BaseUrlKey = "baseUrl";

    public static readonly Uri DefaultBaseUrl = new("https://api.pipedrive.com/");

    /// <summary>Reads and checks the settings; errors name the setting, never its value.</summary>
    public static PipedriveSettings From(AccountSettings settings)
    {
        var token = settings.Require(ApiTokenKey).Trim();
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

        return new PipedriveSettings(token, url);
    }
}
