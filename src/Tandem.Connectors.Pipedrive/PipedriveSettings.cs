using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.Pipedrive;

/// <summary>
/// The settings of one Pipedrive company, as its form, parser and validator: either the API token (secret) or an OAuth
/// app's client id and secret with the company's refresh token, and where calls go (company domain, OAuth
/// <c>api_domain</c>, or a given base URL such as the sandbox's).
/// </summary>
internal sealed class PipedriveSettings : ISettingsRules
{
    public static readonly Uri PipedriveTokenUrl = new("https://oauth.pipedrive.com/oauth/token");

    public static readonly Uri DefaultBaseUrl = new("https://api.pipedrive.com/");

    [Setting("apiToken", "API token", Secret = true, Help = "Pipedrive > Personal preferences > API > Your personal API token. Leave empty when you connect with OAuth below.")]
    public string? ApiToken { get; init; }

    [Setting("clientId", "OAuth client ID", FilledByConsent = true, Help = "Instead of the API token: Pipedrive Developer Hub > your app > OAuth & access scopes.")]
    public string? ClientId { get; init; }

    [Setting("clientSecret", "OAuth client secret", Secret = true, FilledByConsent = true, Help = "Shown next to the client ID in the Developer Hub.")]
    public string? ClientSecret { get; init; }

    [Setting("refreshToken", "Refresh token", Secret = true, FilledByConsent = true, Help = "Filled in when the company approves the app on Pipedrive's consent page (scopes contacts:full, contact-fields:full, users:read, search:read).")]
    public string? RefreshToken { get; init; }

    [Setting("companyDomain", "Company domain", Help = "The subdomain of your Pipedrive address, such as 'acme' for acme.pipedrive.com; leave empty for api.pipedrive.com (with OAuth: for the api_domain Pipedrive answers with each token).")]
    public string? CompanyDomain { get; init; }

    [Setting("baseUrl", "API base URL", Help = "Leave empty for Pipedrive; the sandbox prints its own.")]
    public Uri? GivenBaseUrl { get; init; }

    [Setting("tokenUrl", "Token URL", FilledByConsent = true, Help = "Leave empty for Pipedrive (https://oauth.pipedrive.com/oauth/token); the sandbox prints its own.")]
    public Uri? GivenTokenUrl { get; init; }

    /// <summary>The OAuth app and the company's refresh token, or null for an API token account (with OAuth the API token is not used, even when both are given).</summary>
    public PipedriveOAuth? OAuth =>
        RefreshToken is null ? null : new PipedriveOAuth(ClientId!, ClientSecret!, RefreshToken, GivenTokenUrl ?? PipedriveTokenUrl);

    /// <summary>Where calls go: the given base URL, else the company's domain, else api.pipedrive.com.</summary>
    public Uri BaseUrl =>
        GivenBaseUrl is { } url ? (url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/"))
        : CompanyDomain is { } domain ? new Uri($"https://{domain}.pipedrive.com/")
        : DefaultBaseUrl;

    /// <summary>
    /// True for an OAuth account whose settings name neither a base URL nor a company domain: its calls go to the
    /// <c>api_domain</c> of the token answer (<see cref="BaseUrl"/> is then only the fallback).
    /// </summary>
    public bool UsesApiDomain => OAuth is not null && GivenBaseUrl is null && CompanyDomain is null;

    /// <summary>Reads and checks the settings; errors name the setting, never its value.</summary>
    public static PipedriveSettings From(AccountSettings settings) => SettingsForm.Parse<PipedriveSettings>(settings);

    public IEnumerable<string> Problems(SettingLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (RefreshToken is not null)
        {
            if (ClientId is null)
            {
                yield return $"The setting {labels[nameof(ClientId)]} is required with a refresh token.";
            }

            if (ClientSecret is null)
            {
                yield return $"The setting {labels[nameof(ClientSecret)]} is required with a refresh token.";
            }
        }
        else if (ApiToken is null)
        {
            yield return $"Give either the setting {labels[nameof(ApiToken)]} or the OAuth settings {labels[nameof(ClientId)]}, {labels[nameof(ClientSecret)]} and {labels[nameof(RefreshToken)]}.";
        }

        if (CompanyDomain is not null && !CompanyDomain.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            yield return $"The setting {labels[nameof(CompanyDomain)]} must be the company's subdomain, such as 'acme' for acme.pipedrive.com.";
        }
    }
}
