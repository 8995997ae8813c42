namespace Tandem.Sandbox.Mailchimp;

/// <summary>The Mailchimp sandbox as hosts start and connect to it.</summary>
public static class MailchimpSandboxApp
{
    public static SandboxApp Description { get; } = SandboxApp.Of("mailchimp", "Mailchimp", () => new MailchimpSandbox(), Connect);

    // The API lives under /3.0/ and login.mailchimp.com's OAuth paths on the sandbox's own host.
    private static SandboxConnection Connect(MailchimpSandbox sandbox, Uri url) =>
        new(
        [
            new("apiKey", sandbox.Options.ApiKey),
            new("baseUrl", new Uri(url, "3.0/").ToString()),
            new("audienceId", MailchimpSandbox.NewsletterAudienceId),
            new("oauthClientId", sandbox.Options.OAuthClientId),
            new("oauthClientSecret", sandbox.Options.OAuthClientSecret),
            new("accessToken", sandbox.Options.DemoAccessToken),
        ])
        {
            OAuth = new SandboxOAuthClient(sandbox.Options.OAuthClientId, sandbox.Options.OAuthClientSecret, new Uri(url, MailchimpOAuth.AuthorizePath.TrimStart('/')), new Uri(url, MailchimpOAuth.TokenPath.TrimStart('/'))),
        };
}
