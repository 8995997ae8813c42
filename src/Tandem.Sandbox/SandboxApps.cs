using Tandem.Sandbox.GoogleContacts;
using Tandem.Sandbox.Mailchimp;
using Tandem.Sandbox.Pipedrive;

namespace Tandem.Sandbox;

/// <summary>Every sandbox app, in the order <c>tandem sandbox</c> starts them. A new sandbox is one line here.</summary>
public static class SandboxApps
{
    public static IReadOnlyList<SandboxApp> All { get; } =
    [
        new("google-contacts", "Google Contacts", () => new GoogleContactsSandbox(), (app, url) =>
        {
            var google = (GoogleContactsSandbox)app;
            return
            [
                new("clientId", google.Options.ClientId),
                new("clientSecret", google.Options.ClientSecret),
                new("refreshToken", google.Options.DemoRefreshToken),
                new("baseUrl", url.ToString()),
                new("tokenUrl", new Uri(url, "token").ToString()),
                new("authorizeUrl", new Uri(url, "o/oauth2/v2/auth").ToString()),
            ];
        }),
        // The values are the account settings to connect with (the web app pre-fills them): the API token, the simple
        // way. The sandbox's OAuth demo client (PipedriveSandboxOptions) is for the OAuth tests and its README.
        new("pipedrive", "Pipedrive", () => new PipedriveSandbox(), (app, url) =>
        [
            new("apiToken", ((PipedriveSandbox)app).Options.ApiToken),
            new("baseUrl", url.ToString()),
        ]),
        new("mailchimp", "Mailchimp", () => new MailchimpSandbox(), (app, url) =>
        {
            var mailchimp = (MailchimpSandbox)app;
            return
            [
                new("apiKey", mailchimp.Options.ApiKey),
                new("baseUrl", new Uri(url, "3.0/").ToString()),
                new("audienceId", MailchimpSandbox.NewsletterAudienceId),
                new("oauthClientId", mailchimp.Options.OAuthClientId),
                new("oauthClientSecret", mailchimp.Options.OAuthClientSecret),
                new("accessToken", mailchimp.Options.DemoAccessToken),
            ];
        }),
    ];
}
