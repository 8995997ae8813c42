using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;
using Tandem.Connectors.Contract;

namespace Tandem.Connectors.HubSpot;

/// <summary>HubSpot's OAuth consent (app.hubspot.com), for the host's generic consent flow.</summary>
internal static class HubSpotConsent
{
    /// <summary>Contacts, their properties (schemas), static lists, owners and communication preferences (NOTES.md §4).</summary>
    public const string Scopes = "oauth crm.objects.contacts.read crm.objects.contacts.write crm.schemas.contacts.read crm.schemas.contacts.write crm.lists.read crm.lists.write crm.objects.owners.read communication_preferences.read_write";

    public static OAuthDescription Description { get; } = new(new Uri("https://app.hubspot.com/oauth/authorize"), HubSpotSettings.HubSpotTokenUrl, Settings)
    {
        // HubSpot takes the client credentials in the token request's form body; it documents no PKCE for public apps.
        Scope = Scopes,
        UsesPkce = false,
    };

    private static IReadOnlyDictionary<string, string> Settings(OAuthGrant grant) =>
        SettingsForm.Values(new HubSpotSettings
        {
            ClientId = grant.ClientId,
            ClientSecret = grant.ClientSecret,
            RefreshToken = grant.Tokens.RefreshToken
                ?? throw new ConnectorException("HubSpot issued no refresh token, so Tandem could not keep the account connected; authorise it again."),
            GivenTokenUrl = grant.TokenUrl == HubSpotSettings.HubSpotTokenUrl ? null : grant.TokenUrl,
        });
}
