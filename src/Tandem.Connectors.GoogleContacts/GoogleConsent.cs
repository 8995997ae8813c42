using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.GoogleContacts;

/// <summary>Google's OAuth consent (accounts.google.com), for the host's generic consent flow.</summary>
internal static class GoogleConsent
{
    public static OAuthDescription Description { get; } = new(new Uri("https://accounts.google.com/o/oauth2/v2/auth"), GoogleContactsSettings.GoogleTokenUrl, Settings)
    {
        Scope = "https://www.googleapis.com/auth/contacts",
        UsesPkce = true,

        // Offline access and a forced consent: Google issues a refresh token only then, and the connector lives on it.
        ExtraParameters = [new("access_type", "offline"), new("prompt", "consent")],
    };

    private static IReadOnlyDictionary<string, string> Settings(OAuthGrant grant) =>
        SettingsForm.Values(new GoogleContactsSettings
        {
            ClientId = grant.ClientId,
            ClientSecret = grant.ClientSecret,
            RefreshToken = grant.Tokens.RefreshToken
                ?? throw new ConnectorException("Google issued no refresh token, so Tandem could not keep the account connected; authorise it again."),
            GivenTokenUrl = grant.TokenUrl == GoogleContactsSettings.GoogleTokenUrl ? null : grant.TokenUrl,
        });
}
