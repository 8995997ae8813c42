using Tandem.Connectors.Catalog;
using Tandem.Connectors.Catalog.Settings;

namespace Tandem.Connectors.Mailchimp;

/// <summary>Mailchimp's OAuth consent (login.mailchimp.com), for the host's generic consent flow.</summary>
internal static class MailchimpConsent
{
    private static readonly Uri AuthorizeUrl = new(MailchimpSettings.DefaultLoginUrl, "oauth2/authorize");

    // Mailchimp's OAuth takes no scope and no PKCE; its tokens never expire and come without a refresh token.
    public static OAuthDescription Description { get; } = new(AuthorizeUrl, new Uri(MailchimpSettings.DefaultLoginUrl, "oauth2/token"), Settings);

    private static IReadOnlyDictionary<string, string> Settings(OAuthGrant grant)
    {
        // The connector finds the account's data centre through the metadata endpoint beside the consent page, so a
        // consent page elsewhere (the sandbox's) is kept as the login URL.
        var login = new Uri(grant.AuthorizeUrl.GetLeftPart(UriPartial.Authority) + "/");
        return SettingsForm.Values(new MailchimpSettings
        {
            AccessToken = grant.Tokens.AccessToken,
            GivenLoginUrl = login == MailchimpSettings.DefaultLoginUrl ? null : login,
        });
    }
}
