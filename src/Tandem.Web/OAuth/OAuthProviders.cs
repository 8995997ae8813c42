using Tandem.Connectors.GoogleContacts;
using Tandem.Connectors.Http;
using Tandem.Connectors.Mailchimp;
using Tandem.Connectors.Pipedrive;

namespace Tandem.Web.OAuth;

/// <summary>The providers whose consent page Tandem can open. A new OAuth app is one entry here.</summary>
public static class OAuthProviders
{
    public static IReadOnlyList<OAuthProvider> All { get; } =
    [
        new(
            GoogleContactsConnectorFactory.App,
            new Uri("https://accounts.google.com/o/oauth2/v2/auth"),
            new Uri("https://oauth2.googleapis.com/token"),
            "https://www.googleapis.com/auth/contacts",
            UsesPkce: true,

            // Offline access and a forced consent: Google issues a refresh token only then, and the connector lives on it.
            [new("access_type", "offline"), new("prompt", "consent")],
            ["clientId", "clientSecret", "refreshToken", "tokenUrl"],
            GoogleValues),
        new(
            MailchimpConnectorFactory.App,
            new Uri("https://login.mailchimp.com/oauth2/authorize"),
            new Uri("https://login.mailchimp.com/oauth2/token"),
            Scope: null,

            // Mailchimp's OAuth takes no PKCE; its tokens never expire and come without a refresh token.
            UsesPkce: false,
            [],
            ["accessToken", "loginUrl"],
            MailchimpValues),
        new(
            PipedriveConnectorFactory.App,
            new Uri("https://oauth.pipedrive.com/oauth/authorize"),
            new Uri("https://oauth.pipedrive.com/oauth/token"),

            // Pipedrive's scopes are chosen on the app in its Developer Hub, not in the consent request; no PKCE.
            Scope: null,
            UsesPkce: false,
            [],
            ["clientId", "clientSecret", "refreshToken", "tokenUrl"],
            PipedriveValues)
        {
            UsesBasicAuthentication = true,
        },
    ];

    public static OAuthProvider? Find(string app) => All.FirstOrDefault(p => string.Equals(p.App, app, StringComparison.Ordinal));

    private static IReadOnlyDictionary<string, string> GoogleValues(OAuthApp client, OAuthTokens tokens)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["clientId"] = client.ClientId,
            ["clientSecret"] = client.ClientSecret,
            ["refreshToken"] = tokens.RefreshToken ?? throw new OAuthRefusedException("Google issued no refresh token, so Tandem could not keep the account connected; authorise it again."),
        };
        if (client.TokenUrl != client.Provider.TokenUrl)
        {
            values["tokenUrl"] = client.TokenUrl.ToString();
        }

        return values;
    }

    // The connector sends an OAuth account's calls to the api_domain of each token answer, so no address is stored.
    private static IReadOnlyDictionary<string, string> PipedriveValues(OAuthApp client, OAuthTokens tokens)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["clientId"] = client.ClientId,
            ["clientSecret"] = client.ClientSecret,
            ["refreshToken"] = tokens.RefreshToken ?? throw new OAuthRefusedException("Pipedrive issued no refresh token, so Tandem could not keep the account connected; authorise it again."),
        };
        if (client.TokenUrl != client.Provider.TokenUrl)
        {
            values["tokenUrl"] = client.TokenUrl.ToString();
        }

        return values;
    }

    private static IReadOnlyDictionary<string, string> MailchimpValues(OAuthApp client, OAuthTokens tokens)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["accessToken"] = tokens.AccessToken };

        // The connector finds the account's data centre through the metadata endpoint beside the consent page.
        if (client.AuthorizeUrl.GetLeftPart(UriPartial.Authority) != client.Provider.AuthorizeUrl.GetLeftPart(UriPartial.Authority))
        {
            values["loginUrl"] = client.AuthorizeUrl.GetLeftPart(UriPartial.Authority) + "/";
        }

        return values;
    }
}
