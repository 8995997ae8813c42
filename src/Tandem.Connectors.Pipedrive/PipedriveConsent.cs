using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.Pipedrive;

/// <summary>Pipedrive's OAuth consent (oauth.pipedrive.com), for the host's generic consent flow.</summary>
internal static class PipedriveConsent
{
    public static OAuthDescription Description { get; } = new(new Uri("https://oauth.pipedrive.com/oauth/authorize"), PipedriveSettings.PipedriveTokenUrl, Settings)
    {
        // Pipedrive's scopes are chosen on the app in its Developer Hub, not in the consent request; no PKCE; its token
        // endpoint takes the client credentials as HTTP Basic only.
        Scope = null,
        UsesPkce = false,
        UsesBasicAuthentication = true,
    };

    // No address is stored: the connector sends an OAuth account's calls to the api_domain of each token answer.
    private static IReadOnlyDictionary<string, string> Settings(OAuthGrant grant) =>
        SettingsForm.Values(new PipedriveSettings
        {
            ClientId = grant.ClientId,
            ClientSecret = grant.ClientSecret,
            RefreshToken = grant.Tokens.RefreshToken
                ?? throw new ConnectorException("Pipedrive issued no refresh token, so Tandem could not keep the account connected; authorise it again."),
            GivenTokenUrl = grant.TokenUrl == PipedriveSettings.PipedriveTokenUrl ? null : grant.TokenUrl,
        });
}
